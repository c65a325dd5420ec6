package io.github.camelrocketchat.examples;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void noUrlMeansTheEmbeddedServer() {
        ExampleSettings s = ExampleSettings.of(Map.of(), props(), props("rocketchat.url", "  "));
        assertThat(s.usesRealServer()).isFalse();
        assertThatThrownBy(s::realServer).hasMessageContaining("ROCKETCHAT_URL");
    }

    @Test
    void environmentWinsOverSystemPropertiesWhichWinOverTheFile() {
        Properties file = props("rocketchat.url", "https://file.example", "rocketchat.user", "file-user",
                "rocketchat.password", "file-pass", "examples.bot-room", "from-file");
        ExampleSettings s = ExampleSettings.of(Map.of("ROCKETCHAT_URL", "https://env.example"),
                props("rocketchat.user", "sys-user", "examples.bot-room", "from-system"), file);
        ServerConnection c = s.realServer();
        assertThat(c.url()).isEqualTo("https://env.example");
        assertThat(c.username()).isEqualTo("sys-user");
        assertThat(c.password()).isEqualTo("file-pass");
        assertThat(s.rooms().botRoom()).isEqualTo("from-system");
        assertThat(s.rooms().bridgeTo()).isEqualTo("demo-mirror");
    }

    @Test
    void tokenLogin() {
        ExampleSettings s = ExampleSettings.of(Map.of("ROCKETCHAT_URL", "https://chat.example", "ROCKETCHAT_TOKEN", "tok-secret",
                "ROCKETCHAT_USER_ID", "uid1"), props(), props());
        ServerConnection c = s.realServer();
        assertThat(c.componentProperties()).containsEntry("camel.component.rocketchat.auth-token", "tok-secret")
                .containsEntry("camel.component.rocketchat.user-id", "uid1")
                .doesNotContainKey("camel.component.rocketchat.password");
        assertThat(c.toString()).doesNotContain("tok-secret").contains("token login");
    }

    @Test
    void passwordNeverInToString() {
        ServerConnection c = new ServerConnection("https://chat.example", "bot", "pa55word", null, null);
        assertThat(c.toString()).isEqualTo("https://chat.example as bot (password login)");
        assertThat(c.componentProperties()).containsEntry("camel.component.rocketchat.password", "pa55word");
    }

    @Test
    void incompleteCredentialsAreNamed() {
        assertThatThrownBy(() -> new ServerConnection("https://c", "bot", null, null, null)).hasMessageContaining("ROCKETCHAT_PASSWORD");
        assertThatThrownBy(() -> new ServerConnection("https://c", null, "p", null, null)).hasMessageContaining("ROCKETCHAT_USER");
        assertThatThrownBy(() -> new ServerConnection("https://c", null, null, "t", null)).hasMessageContaining("ROCKETCHAT_USER_ID");
        assertThatThrownBy(() -> new ServerConnection("https://c", "bot", "p", "t", "u")).hasMessageContaining("only one");
    }
}
