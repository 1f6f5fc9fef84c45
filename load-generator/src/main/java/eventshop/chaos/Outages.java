package eventshop.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The crashes the run inflicts: kill -9 of a process named by its pid file (no shutdown hook, no flush,
 * what a power cut does to a process but not to the disk), then the restart command, which starts again
 * only what is down.
 */
final class Outages {

    private final ChaosSettings settings;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Outages(ChaosSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    void crashBroker() {
        crash("broker", settings.brokerPidFile());
    }

    void crashServer() {
        crash("Payara Server", settings.serverPidFile());
    }

    /** Runs the restart command, then waits until the application answers ready again. */
    Duration restartAndAwaitReady(Duration limit) {
        long start = System.nanoTime();
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
            URI ready = settings.api().resolve("/health/ready");
            while (!answers200(ready)) {
                if (System.nanoTime() - start > limit.toNanos()) {
                    throw new IllegalStateException("not ready " + limit + " after the restart: " + ready);
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + settings.restartCommand(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        progress.say("  restarted and ready again after %d s", took.toSeconds());
        return took;
    }

    private void crash(String what, Path pidFile) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid of the " + what + " in " + pidFile, e);
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(what + " (pid " + pid + ") is not running"));
        progress.say("kill -9 %s (pid %d)", what, pid);
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(what + " (pid " + pid + ") survived kill -9", e);
        }
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
