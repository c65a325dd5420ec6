package io.github.camelrocketchat.examples;

public class ExampleMain {
    public static void main(String[] args) {
        System.out.println(io.github.camelrocketchat.testserver.RocketChatTestServer.class);
    }
}
