package io.github.camelrocketchat.ddp.protocol;

/** EJSON custom type {@code {"$type":type,"$value":value}} (value already EJSON-decoded). */
public record EjsonCustom(String type, Object value) {
}
