package eventshop.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the pid of a process to kill is found, read when the fault comes: a pid file, or a command that prints the
 * pid, for a process known only at that moment (whichever broker of a pair is live then: bin/eventshop
 * live-broker-pid).
 *
 * @param file    the pid file, read when there is no command
 * @param command the command; empty: the file
 */
public record PidSource(Path file, List<String> command) {

    public static PidSource of(Path file, List<String> command) {
        return new PidSource(file, List.copyOf(command));
    }

    long pid() {
        try {
            return Long.parseLong((command.isEmpty() ? Files.readString(file) : output()).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid from " + this, e);
        }
    }

    private String output() throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(this + " failed");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(this + " interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return command.isEmpty() ? file.toString() : String.join(" ", command);
    }
}
