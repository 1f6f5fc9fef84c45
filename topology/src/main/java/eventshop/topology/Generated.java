package eventshop.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every file generated from the topology, by its path in the repository, and how to write or check them. */
public final class Generated {

    private final Map<String, String> files = new LinkedHashMap<>();

    public Generated(Topology topology) {
        BrokerParts broker = new BrokerParts(topology);
        SmallParts small = new SmallParts(topology);
        files.put("jms-config/generated/security-settings.xml", broker.securitySettings());
        files.put("jms-config/generated/address-settings.xml", broker.addressSettings());
        files.put("jms-config/generated/addresses.xml", broker.addresses());
        files.put("jms-config/generated/diverts.xml", broker.diverts());
        files.put("jms-config/users.properties", small.brokerUsers());
        files.put("server-config/21-topology.asadmin", new PayaraParts(topology).commands());
        EjbJar ejbJar = new EjbJar(topology);
        files.put("ejb-module/src/main/resources/META-INF/ejb-jar.xml", ejbJar.document());
        files.put("ejb-module/src/main/resources/META-INF/glassfish-ejb-jar.xml", ejbJar.payaraDocument());
        files.put("ejb-module/src/main/resources/META-INF/eventshop-topology.json", small.runtimeTopology());
        files.put("bin/eventshop.topology", small.launcherLists());
        files.put("web-module/src/main/resources/META-INF/asyncapi.yaml", new AsyncApi(topology).document());
    }

    public Map<String, String> files() {
        return files;
    }

    /** Writes every file under the repository's root; returns the paths that changed. */
    public List<String> write(Path root) {
        List<String> changed = differing(root);
        for (String path : changed) {
            try {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, files.get(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return changed;
    }

    /** The generated files whose committed copy under the root differs from what the topology says (or is missing). */
    public List<String> differing(Path root) {
        List<String> differing = new ArrayList<>();
        files.forEach((path, content) -> {
            Path file = root.resolve(path);
            try {
                if (!Files.exists(file) || !Files.readString(file).equals(content)) {
                    differing.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return differing;
    }
}
