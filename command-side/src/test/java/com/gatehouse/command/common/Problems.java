package com.gatehouse.command.common;

import com.gatehouse.api.common.Problem;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixture-test matchers of refusals. */
public final class Problems {

    private Problems() {
    }

    /** A refusal of the given kind whose detail mentions {@code text}. */
    public static Matcher<Throwable> problem(Problem.Kind kind, String text) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return error instanceof Problem p && p.kind() == kind && p.getMessage().contains(text);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " problem mentioning '" + text + "'");
            }
        };
    }
}
