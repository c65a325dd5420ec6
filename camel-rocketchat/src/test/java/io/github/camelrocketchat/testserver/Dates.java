package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** How dates are written: EJSON on DDP, ISO strings on REST. */
enum Dates {
    EJSON,
    ISO;

    JsonNode of(long epochMillis) {
        return this == EJSON ? Json.date(epochMillis) : TextNode.valueOf(Json.iso(epochMillis));
    }
}
