package com.gatehouse.server.config;

import com.gatehouse.server.cluster.PostgresClusterSignals;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import javax.annotation.Nonnull;

/**
 * Runs every event handler of a processing group in a savepoint of the processor's transaction, so a handler
 * that fails undoes its own writes and nothing else. On PostgreSQL a failed statement aborts the whole
 * transaction: without the savepoint the dead-letter queue could not park the event (its insert is in the
 * same transaction) and the batch, with every other aggregate's events, would be retried forever. With it,
 * the failing event is parked, the rest of the batch commits, and a partial write of the failing handler is
 * never committed, nor are the cluster signals (live changes) it published. Costs one SAVEPOINT/RELEASE pair per
 * handled event. Aggregates' event-sourcing handlers
 * are left alone.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final DefaultTransactionDefinition nested =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    public SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || original.hasAnnotation(EventSourcingHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                var savepoint = transactions.getTransaction(nested);
                int signals = PostgresClusterSignals.pendingMark();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    PostgresClusterSignals.discardSince(signals);
                    throw e;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }
}
