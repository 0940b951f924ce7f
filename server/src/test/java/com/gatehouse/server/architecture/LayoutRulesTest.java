package com.gatehouse.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.web.bind.annotation.GetMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout's promises, kept by the build: a newcomer finds where a command is handled (command side, in the
 * folder of its context), where its event is projected (projections) and where it is served (query side), by
 * folder name alone; and the messages between them are the shared language in {@code shared-api}.
 */
class LayoutRulesTest {

    static final String API = "com.gatehouse.api..";
    static final String COMMAND = "com.gatehouse.command..";
    static final String PROJECTION = "com.gatehouse.projection..";
    static final String QUERY = "com.gatehouse.query..";
    static final String SERVER = "com.gatehouse.server..";

    static JavaClasses gatehouse;

    @BeforeAll
    static void importClasses() {
        gatehouse = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.gatehouse.api", "com.gatehouse.command", "com.gatehouse.projection",
                        "com.gatehouse.query", "com.gatehouse.server");
    }

    @Test
    void theSharedApiIsPlainMessagesThatDependOnNoSide() {
        ArchRule rule = classes().that().resideInAPackage(API).should().onlyDependOnClassesThat()
                .resideInAnyPackage(API, "java..", "org.axonframework.modelling.command..",
                        "com.fasterxml.jackson.annotation..", "io.swagger.v3.oas.annotations..")
                .because("commands, events, queries and views are the language every side shares; "
                        + "they carry no framework, database or web code");
        rule.check(gatehouse);
    }

    @Test
    void eachSideDependsOnlyOnTheSharedApiAndWhatItReads() {
        noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage(PROJECTION, QUERY, SERVER)
                .because("the command side decides from its aggregates and its own lookups, never from read models")
                .check(gatehouse);
        noClasses().that().resideInAPackage(PROJECTION).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SERVER)
                .because("projections build read models from events alone, so that a replay rebuilds them")
                .check(gatehouse);
        noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, SERVER)
                .because("the query side serves read models and changes nothing")
                .check(gatehouse);
    }

    @Test
    void aggregatesLiveInTheFolderOfTheirContextOnTheCommandSide() {
        classes().that().areAnnotatedWith(Aggregate.class).should().resideInAPackage(COMMAND)
                .andShould().resideOutsideOfPackage("com.gatehouse.command.common..")
                .check(gatehouse);
        methods().that().areAnnotatedWith(CommandHandler.class).should().beDeclaredInClassesThat()
                .resideInAPackage(COMMAND).because("a command is handled on the command side").check(gatehouse);
        methods().that().areAnnotatedWith(EventSourcingHandler.class).should().beDeclaredInClassesThat()
                .areAnnotatedWith(Aggregate.class).check(gatehouse);
    }

    @Test
    void eventsAreHandledByNamedProcessingGroupsOfProjectionsOrOfSideEffects() {
        methods().that().areAnnotatedWith(EventHandler.class).should().beDeclaredInClassesThat()
                .areAnnotatedWith(ProcessingGroup.class)
                .because("a group's name is what admins replay, monitor and dead-letter")
                .check(gatehouse);
        classes().that().areAnnotatedWith(ProcessingGroup.class).should().resideInAnyPackage(PROJECTION, COMMAND)
                .because("read models are built in projections; notifiers and clean-ups that send commands live "
                        + "on the command side")
                .check(gatehouse);
    }

    @Test
    void readsAndLiveFeedsAreServedByTheQuerySide() {
        methods().that().areAnnotatedWith(QueryHandler.class).should().beDeclaredInClassesThat().resideInAPackage(QUERY)
                .check(gatehouse);
        methods().that().areAnnotatedWith(MessageMapping.class).should().beDeclaredInClassesThat()
                .resideInAnyPackage(QUERY, SERVER)
                .because("live routes are subscriptions to read models (the server's own: who am I)").check(gatehouse);
        methods().that().areAnnotatedWith(GetMapping.class).should().beDeclaredInClassesThat()
                .resideInAnyPackage(QUERY, SERVER)
                .because("the command side answers the change it made, never serves reads of its own")
                .check(gatehouse);
    }

    @Test
    void handlersTakeMessagesOfTheSharedApi() {
        methods().that().areAnnotatedWith(CommandHandler.class)
                .or().areAnnotatedWith(EventHandler.class)
                .or().areAnnotatedWith(EventSourcingHandler.class)
                .or().areAnnotatedWith(QueryHandler.class)
                .should(takeFirstAParameterFrom(API))
                .check(gatehouse);
    }

    private static ArchCondition<JavaMethod> takeFirstAParameterFrom(String packages) {
        return new ArchCondition<>("take as first parameter a message of " + packages
                + " (or Object: a handler of every event, such as the audit index)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                var parameters = method.getRawParameterTypes();
                boolean shared = !parameters.isEmpty()
                        && (parameters.get(0).getName().startsWith("com.gatehouse.api.")
                        || parameters.get(0).getName().equals(Object.class.getName()));
                events.add(new SimpleConditionEvent(method, shared, method.getFullName()
                        + (shared ? " takes " : " does not take ") + "a message of the shared api first"));
            }
        };
    }
}
