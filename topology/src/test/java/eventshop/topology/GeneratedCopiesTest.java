package eventshop.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build's check that nobody edited a generated copy by hand, or changed topology.yaml without regenerating:
 * every committed copy must be exactly what the generator writes from the committed topology.yaml.
 */
class GeneratedCopiesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyCommittedCopyIsWhatTheTopologyGenerates() {
        Generated generated = new Generated(Topology.load(ROOT.resolve("topology/topology.yaml")));
        assertThat(generated.differing(ROOT))
                .as("generated files that differ from topology/topology.yaml: run bin/eventshop generate "
                        + "(and never edit a file marked GENERATED)")
                .isEmpty();
    }
}
