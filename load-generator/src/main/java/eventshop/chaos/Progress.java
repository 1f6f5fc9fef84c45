package eventshop.chaos;

import java.util.Locale;
import java.util.function.Consumer;

/** Where the run tells what it is doing: standard output for the command, the test's log in the suite. */
public record Progress(Consumer<String> out) {

    public static Progress toStandardOutput() {
        return new Progress(System.out::println);
    }

    void say(String format, Object... values) {
        out.accept(String.format(Locale.ROOT, format, values));
    }
}
