package io.github.camelrocketchat;

import io.github.camelrocketchat.support.EndpointNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/rocketchat-component.adoc lists exactly the options and headers of the generated rocketchat.json. */
class ComponentDocTest {
    private static final Path DOC = Path.of("..", "docs", "rocketchat-component.adoc");
    private static final Pattern ROW = Pattern.compile("^\\| \\*([A-Za-z0-9]+)\\* \\(");

    private static JsonNode catalog() throws Exception {
        try (InputStream in = ComponentDocTest.class.getResourceAsStream("/META-INF/io/github/camelrocketchat/rocketchat.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** Names in the first column of the table that follows {@code heading}. */
    private static Set<String> section(List<String> lines, String heading) {
        Set<String> out = new TreeSet<>();
        int i = lines.indexOf(heading);
        assertThat(i).as("heading %s in %s", heading, DOC).isNotNegative();
        boolean inTable = false;
        for (int j = i + 1; j < lines.size(); j++) {
            String l = lines.get(j);
            if (l.equals("|===")) {
                if (inTable) {
                    break;
                }
                inTable = true;
                continue;
            }
            Matcher m = ROW.matcher(l);
            if (inTable && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void optionAndHeaderTablesMatchTheCatalog() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        JsonNode json = catalog();
        assertThat(section(lines, "=== Component Options")).isEqualTo(names(json.get("componentProperties")));
        assertThat(section(lines, "=== Endpoint Options")).isEqualTo(names(json.get("properties")));
        assertThat(section(lines, "== Message Headers")).isEqualTo(names(json.get("headers")));
    }

    @Test
    void hasCamelComponentDocAttributes() throws Exception {
        String doc = Files.readString(DOC);
        for (String attr : List.of(":doctitle: Rocket.Chat", ":shortname: rocketchat", ":artifactid: camel-rocketchat",
                ":description: ", ":since: ", ":supportlevel: ", "== URI format", "== Usage", "== Examples")) {
            assertThat(doc).contains(attr);
        }
    }

    @Test
    void everyProducerMethodAndKnownStreamHasABodyTableRow() throws Exception {
        List<String> rows = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `")).toList();
        for (String name : EndpointNames.PRODUCER_METHODS) {
            assertThat(rows).as("producer method %s", name).anyMatch(r -> r.substring(0, r.indexOf(" |", 2)).contains("`" + name + "`"));
        }
        for (String stream : EndpointNames.KNOWN_STREAMS) {
            assertThat(rows).as("stream %s", stream).anyMatch(r -> r.startsWith("| `" + stream + "`"));
        }
    }
}
