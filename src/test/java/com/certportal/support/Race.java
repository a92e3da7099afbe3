package com.certportal.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.action.ActionRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs actions at the same moment, each on a thread of its own that waits at a start gate until all are
 * ready (no sleeps): what the races of two members, two jobs or two instances are proven with.
 */
public final class Race {

    /** What {@link #outcomes} reports for an action that went through. */
    public static final String WON = "won";

    private Race() {}

    /** The actions' results, in the order given; an action that throws fails the race. */
    public static <T> List<T> atOnce(List<Callable<T>> actions) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(actions.size());
        try {
            CountDownLatch ready = new CountDownLatch(actions.size());
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> action : actions) {
                results.add(threads.submit(() -> {
                    ready.countDown();
                    assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
                    return action.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS))
                    .as("all threads at the gate")
                    .isTrue();
            gate.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@link #WON} for each action that went through, the message key of its refusal otherwise. */
    public static List<String> outcomes(List<Callable<?>> actions) throws Exception {
        List<Callable<String>> judged = new ArrayList<>();
        for (Callable<?> action : actions) {
            judged.add(() -> {
                try {
                    action.call();
                    return WON;
                } catch (ActionRefused refused) {
                    return refused.messageKey();
                }
            });
        }
        return atOnce(judged);
    }
}
