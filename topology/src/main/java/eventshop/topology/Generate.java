package eventshop.topology;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code bin/eventshop generate}: writes every copy of topology/topology.yaml into the repository (arguments: the
 * repository's root, then optionally {@code --check} to only list what differs, failing if anything does).
 */
public final class Generate {

    private Generate() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize();
        boolean check = args.length > 1 && args[1].equals("--check");
        Generated generated = new Generated(Topology.load(root.resolve("topology/topology.yaml")));
        List<String> changed = check ? generated.differing(root) : generated.write(root);
        changed.forEach(path -> System.out.println((check ? "differs: " : "wrote: ") + path));
        if (changed.isEmpty()) {
            System.out.println("Every generated file agrees with topology/topology.yaml");
        } else if (check) {
            System.exit(1);
        }
    }
}
