package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;

/** One DDP method. Returns the result, or Java {@code null} for "returned nothing" (no {@code result} field). */
@FunctionalInterface
interface ServerMethod {

    JsonNode call(Invocation inv) throws MeteorError;
}
