/** Apache Camel component for the Rocket.Chat Realtime API. */
package io.github.camelrocketchat;
