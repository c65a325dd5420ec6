package io.github.camelrocketchat.ddp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketUrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://chat.example.com, wss://chat.example.com/websocket",
        "https://chat.example.com/, wss://chat.example.com/websocket",
        "http://localhost:3000, ws://localhost:3000/websocket",
        "HTTPS://chat.example.com/rocket, wss://chat.example.com/rocket/websocket",
        "https://chat.example.com/rocket//, wss://chat.example.com/rocket/websocket",
        "http://127.0.0.1:8080/a/b, ws://127.0.0.1:8080/a/b/websocket",
        "wss://chat.example.com/websocket, wss://chat.example.com/websocket",
        "ws://127.0.0.1:9/custom/path, ws://127.0.0.1:9/custom/path",
        "' https://chat.example.com ', wss://chat.example.com/websocket",
    })
    void turnsServerUrlsIntoTheRawWebSocketEndpoint(String in, String out) {
        assertThat(WebSocketUrls.toWebSocketUri(in)).hasToString(out);
        assertThat(DdpClientOptions.builder(in).build().url()).hasToString(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://chat.example.com", "chat.example.com", "https://", "https://chat example.com",
        "https://user:pass@chat.example.com", "https://user:pass/word@chat.example.com", "https://user:pass@chat example.com/x?token=x", "https://chat.example.com/?token=x", "https://chat.example.com/#x"})
    void refusesWhatIsNotAUsableServerUrl(String in) {
        assertThatThrownBy(() -> WebSocketUrls.toWebSocketUri(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("URL").hasMessageNotContaining("pass").hasMessageNotContaining("token=x");
    }

    /** Passwords with the characters that end an authority early: no piece of them may reach the message. */
    @ParameterizedTest
    @ValueSource(strings = {"https://bob:Sec#Ret@chat.example.com", "https://bob:Sec?Ret@chat.example.com",
        "https://bob:Sec@Mid#Ret@chat.example.com", "https://bob:Sec/Mid?Ret#@chat.example.com/x",
        "wss://bob:Sec#Ret@chat.example.com/websocket", "https:bob:Sec#Ret@chat.example.com", "bob:Sec?Ret@chat.example.com"})
    void passwordsWithHashQuestionMarkOrAtNeverReachTheMessage(String in) {
        assertThatThrownBy(() -> WebSocketUrls.toWebSocketUri(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("URL").hasMessageNotContaining("Sec").hasMessageNotContaining("Mid")
                .hasMessageNotContaining("Ret").hasMessageNotContaining("bob");
        assertThat(WebSocketUrls.masked(in)).doesNotContain("Sec").doesNotContain("Mid").doesNotContain("Ret")
                .doesNotContain("bob");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://bob:Sec#Ret@chat.example.com/x, https://***@chat.example.com/x",
        "https://chat.example.com/x?token=abc#frag, https://chat.example.com/x?***",
        "https://chat.example.com/x#frag, https://chat.example.com/x?***",
        "https://chat.example.com, https://chat.example.com",
        "bob:Sec@chat.example.com, ***@chat.example.com",
    })
    void masksUserInfoFirstThenQueryAndFragment(String in, String out) {
        assertThat(WebSocketUrls.masked(in)).isEqualTo(out);
    }
}
