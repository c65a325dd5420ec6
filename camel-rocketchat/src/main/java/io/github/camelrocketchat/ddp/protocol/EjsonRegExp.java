package io.github.camelrocketchat.ddp.protocol;

/** EJSON {@code {"$regexp":source,"$flags":flags}}. */
public record EjsonRegExp(String source, String flags) {
}
