package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code md} tree of a message as Rocket.Chat's message-parser builds it for plain text: one
 * {@code PARAGRAPH} per line holding a {@code PLAIN_TEXT} node, an empty line as {@code LINE_BREAK}.
 * Markdown syntax (bold, links, mentions) is not parsed: it stays plain text.
 */
final class Markdown {

    private Markdown() {
    }

    static ArrayNode plain(String text) {
        ArrayNode root = Json.arr();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                ObjectNode br = root.addObject();
                br.put("type", "LINE_BREAK");
                br.putNull("value");
                continue;
            }
            ObjectNode p = root.addObject();
            p.put("type", "PARAGRAPH");
            ObjectNode t = p.putArray("value").addObject();
            t.put("type", "PLAIN_TEXT");
            t.put("value", line);
        }
        return root;
    }
}
