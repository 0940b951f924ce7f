package com.gatehouse.command.common;

import com.gatehouse.api.common.Problem;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Wraps a handler's {@link Problem} into a {@link CommandExecutionException} whose details carry
 * {@link Problem.Details}: so the sender sees the same refusal whether the command ran in this JVM
 * or was routed through Axon Server (which keeps only the details of an exception).
 */
@Component
public class ProblemInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public ProblemInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Problem problem) {
            throw new CommandExecutionException(problem.getMessage(), problem, problem.details());
        }
    }
}
