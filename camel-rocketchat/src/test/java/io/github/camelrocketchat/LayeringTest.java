package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import rules of docs/architecture.md, checked on the sources: arrows point one way. */
class LayeringTest {
    private static final Path MAIN = Paths.get("src/main/java/io/github/camelrocketchat");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final String BASE = "io.github.camelrocketchat";

    private static List<String> violations(String pkg, List<String> forbiddenPrefixes) throws IOException {
        Path dir = pkg.isEmpty() ? MAIN : MAIN.resolve(pkg.replace('.', '/'));
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = pkg.isEmpty() ? Files.list(dir) : Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String imported = m.group(1);
                    for (String prefix : forbiddenPrefixes) {
                        if (imported.equals(prefix) || imported.startsWith(prefix + ".")) {
                            out.add(MAIN.relativize(f) + " imports " + m.group(0).substring(7));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theScannerSeesImports() throws IOException {
        // the consumer does import Camel: a scanner that found nothing would make every rule below pass
        assertThat(violations("consumer", List.of("org.apache.camel"))).isNotEmpty();
    }

    @Test
    void ddpAndRestKnowNothingAboveThemAndNoCamel() throws IOException {
        List<String> above = List.of("org.apache.camel", BASE + ".session", BASE + ".consumer", BASE + ".producer",
                BASE + ".support", BASE + ".model");
        List<String> ddp = new ArrayList<>(above);
        ddp.add(BASE + ".rest");
        List<String> rest = new ArrayList<>(above);
        rest.add(BASE + ".ddp");
        assertThat(violations("ddp", ddp)).isEmpty();
        assertThat(violations("rest", rest)).isEmpty();
    }

    @Test
    void theSessionDoesNotImportTheCamelLayer() throws IOException {
        List<String> out = violations("session", List.of(BASE + ".consumer", BASE + ".producer", BASE + ".support",
                "org.apache.camel.spi", "org.apache.camel.support"));
        // the root package itself (component, endpoint, configuration, exceptions)
        try (Stream<Path> files = Files.list(MAIN.resolve("session"))) {
            for (Path f : files.toList()) {
                if (Pattern.compile("^import " + Pattern.quote(BASE) + "\\.[A-Z]\\w*;", Pattern.MULTILINE)
                        .matcher(Files.readString(f)).find()) {
                    out.add(f.getFileName() + " imports the root package");
                }
            }
        }
        assertThat(out).isEmpty();
    }

    @Test
    void theCamelLayerGoesThroughTheSession() throws IOException {
        List<String> below = List.of(BASE + ".ddp", BASE + ".rest");
        List<String> out = new ArrayList<>();
        out.addAll(violations("", below));
        out.addAll(violations("consumer", below));
        out.addAll(violations("producer", below));
        out.addAll(violations("support", below));
        assertThat(out).isEmpty();
    }

    @Test
    void modelRecordsDoNotKnowTheWireOrTheLayers() throws IOException {
        assertThat(violations("model", List.of(BASE + ".ddp", BASE + ".rest", BASE + ".session", BASE + ".consumer",
                BASE + ".producer", BASE + ".support", "org.apache.camel"))).isEmpty();
    }
}
