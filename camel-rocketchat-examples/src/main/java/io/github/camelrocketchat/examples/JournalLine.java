package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.model.ChatMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * One line of the enterprise journal (route 4): a message event as a flat JSON object and a newline, the shape a
 * Kafka or JMS consumer downstream would want: {@code event}, {@code messageId}, {@code roomId}, {@code roomName},
 * {@code author}, {@code text}, {@code threadId}, {@code ts}, {@code updatedAt}.
 */
public class JournalLine {

    private final ObjectMapper json = new ObjectMapper();

    /** Replaces the body (a {@link ChatMessage}) with its journal line. */
    public String toLine(Exchange exchange) throws InvalidPayloadException, JsonProcessingException {
        Message in = exchange.getMessage();
        ChatMessage m = in.getMandatoryBody(ChatMessage.class);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", in.getHeader(RocketChatConstants.MESSAGE_EVENT, String.class));
        line.put("messageId", m.id());
        line.put("roomId", m.roomId());
        line.put("roomName", in.getHeader(RocketChatConstants.ROOM_NAME, String.class));
        line.put("author", m.author() == null ? null : m.author().username());
        line.put("text", m.text());
        line.put("threadId", m.threadId());
        line.put("ts", text(m.timestamp()));
        line.put("updatedAt", text(m.updatedAt()));
        return json.writeValueAsString(line) + "\n";
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
