package eventshop.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The crashes the run inflicts: kill -9 of a process named by its pid file or a command that prints its pid (no
 * shutdown hook, no flush, what a power cut does to a process but not to the disk), then the restart command, which
 * starts again only what is down.
 */
final class Outages {

    private final ChaosSettings settings;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Outages(ChaosSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Kills the target's process (its pid read now); @return when it was killed */
    Instant crash(Target target) {
        return crash(target.name(), target.pid().pid());
    }

    /**
     * Waits until the condition holds (a peer took the killed process's place, e.g. the other broker of a pair is
     * live); @return when it was seen to hold
     */
    Instant await(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        try {
            pollUntil(condition::getAsBoolean, start, limit, Duration.ofMillis(200),
                    "gave up waiting for " + what + " after " + limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        progress.say("  %s after %d s", what, Duration.ofNanos(System.nanoTime() - start).toSeconds());
        return Instant.now();
    }

    /**
     * A restart: when the restart command returned (the killed process runs again), when the readiness it was
     * awaited on answered again (the API's, or a killed instance's own), and whether the API behind that readiness
     * answered at that moment.
     */
    record Restart(Instant restarted, Instant ready, boolean apiAnsweredWhenReady) {
    }

    /** Runs the restart command, then waits until {@code ready} answers 200 again. */
    Restart restartAndAwaitReady(Duration limit, URI ready) {
        long start = System.nanoTime();
        URI api = ready.resolve("/api/products");
        Instant restarted;
        Instant readyAt;
        boolean apiAnswered;
        Path log = logFile();
        try {
            Process restart = new ProcessBuilder(settings.restartCommand()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!restart.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                restart.destroyForcibly();
                throw new IllegalStateException("the restart command did not finish in " + limit + " (see " + log + ")");
            }
            if (restart.exitValue() != 0) {
                throw new IllegalStateException("the restart command failed with " + restart.exitValue() + " (see " + log + ")");
            }
            restarted = Instant.now();
            pollUntil(() -> answers200(ready), start, limit, Duration.ofMillis(500),
                    "not ready " + limit + " after the restart: " + ready);
            readyAt = Instant.now();
            apiAnswered = answers200(api);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + settings.restartCommand(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        progress.say("  restarted and ready again after %d s%s", took.toSeconds(),
                apiAnswered ? "" : "; the API did NOT answer then (" + api + ")");
        return new Restart(restarted, readyAt, apiAnswered);
    }

    /** A condition polled until it holds; asking it may wait (an HTTP request). */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws InterruptedException;
    }

    /** Asks the condition every {@code every} until it holds; fails with the message once {@code limit} from start passed. */
    private static void pollUntil(Condition condition, long start, Duration limit, Duration every, String failure)
            throws InterruptedException {
        while (!condition.holds()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(every.toMillis());
        }
    }

    private Instant crash(String what, long pid) {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(what + " (pid " + pid + ") is not running"));
        progress.say("kill -9 %s (pid %d)", what, pid);
        Instant killed = Instant.now();
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(what + " (pid " + pid + ") survived kill -9", e);
        }
        return killed;
    }

    private boolean answers200(URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private Path logFile() {
        try {
            Path folder = settings.out() != null ? settings.out() : Files.createTempDirectory("chaos");
            Files.createDirectories(folder);
            return folder.resolve("restarts.log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
