package dev.streamkit.moq.nodes;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * StreamKit's client-node loop: run a connection until it ends, report why, wait a second, connect again, until
 * told to stop. The wait is injected so tests need no clock; an interrupt or a cancelled send ends the loop.
 */
final class ReconnectLoop {

    /** StreamKit's pause between two connection attempts. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** One connection, returning when it ended. */
    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }

    /** Waits between attempts. */
    @FunctionalInterface
    interface Pause {
        void await(Duration pause) throws InterruptedException;
    }

    /** A pause on the calling thread. */
    static final Pause SLEEP = pause -> Thread.sleep(pause.toMillis());

    private ReconnectLoop() {
    }

    /**
     * Runs attempts until {@code stop} says so, calling {@code lost} with the reason after each one.
     *
     * @throws InterruptedException when the thread was interrupted (the node is closing)
     */
    static void run(Attempt attempt, java.util.function.Consumer<String> lost, BooleanSupplier stop, Pause pause)
            throws InterruptedException {
        while (!stop.getAsBoolean()) {
            String why;
            try {
                attempt.run();
                why = "connection ended";
            } catch (InterruptedException | CancellationException ending) {
                throw ending;
            } catch (Exception failed) {
                why = reason(failed);
            }
            if (stop.getAsBoolean()) return;
            lost.accept(why);
            pause.await(RETRY_PAUSE);
        }
    }

    private static String reason(Exception failed) {
        Throwable cause = failed instanceof ExecutionException && failed.getCause() != null ? failed.getCause() : failed;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
