package io.github.camelrocketchat;

import io.github.camelrocketchat.session.SessionSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the rocketchat component and its endpoints. The component holds defaults; each endpoint gets
 * a {@link #copy()} and may override any option. {@link #toString()} never shows a secret.
 */
@UriParams
public class RocketChatConfiguration implements Cloneable {

    @UriParam(label = "common", description = "The Rocket.Chat server: its site URL (https://chat.example.com, http://localhost:3000) "
            + "or its DDP WebSocket URL (wss://chat.example.com/websocket). A site URL gets /websocket appended.")
    @Metadata(required = true)
    private String serverUrl;
    @UriParam(label = "common", description = "The username (or e-mail address) to log in with, together with password. "
            + "With authToken it only names the user (used for typing events).")
    private String username;
    @UriParam(label = "security", secret = true, description = "The password to log in with (sent as a SHA-256 digest, never in clear).")
    private String password;
    @UriParam(label = "security", secret = true, description = "A login token instead of a password: a resume token from an earlier "
            + "login or a personal access token. The component never logs out of a token login (that would revoke the token).")
    private String authToken;
    @UriParam(label = "security", secret = true, description = "The user's TOTP two-factor secret, base32 (what an authenticator "
            + "app is given when TOTP is turned on; spaces and case do not matter). When a password login is answered with "
            + "totp-required, the component sends the current RFC 6238 code (HMAC-SHA1, 30 s, 6 digits), at start and at every "
            + "re-login. Not needed with authToken: token logins are never asked for a code. E-mail two-factor cannot be "
            + "answered: such a login fails and says what to change.")
    private String totpSecret;
    @UriParam(label = "security", description = "The user id that goes with a personal access token (authToken).")
    private String userId;
    @UriParam(label = "security", description = "TLS settings for wss:// and https:// connections.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "common", defaultValue = "auto", enums = "auto,ddp,rest", description = "How producer calls reach the server: auto uses "
            + "the DDP method where the server still has it and the REST equivalent where it was removed (deleteMessage since 7.0, "
            + "getRoomRoles and setReaction since 8.0, sendMessage with alias/emoji/avatar/attachments since 7.1); ddp always uses DDP; "
            + "rest always uses REST (dedicated endpoints, otherwise method.call).")
    private String transport = "auto";
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
            description = "How long connecting (WebSocket upgrade or HTTP connect) may take, in milliseconds.")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
            description = "How long a method call (and a REST call) may take before it fails, in milliseconds.")
    private long methodTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "25000", javaType = "java.time.Duration",
            description = "Send a DDP ping after this long without any frame from the server, in milliseconds.")
    private long pingInterval = 25000;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
            description = "After our ping, the connection counts as lost when nothing arrives for this long, in milliseconds.")
    private long pingTimeout = 10000;

    @UriParam(label = "common", description = "The room: a room id. For a stream-room-messages consumer also __my_messages__ "
            + "(every message of every room the user can access).")
    private String roomId;
    @UriParam(label = "common", description = "The room by name (resolved to its id with getRoomIdByNameOrId: once at consumer start, "
            + "per exchange for producers). Do not combine with roomId.")
    private String roomName;

    @UriParam(label = "consumer", description = "The event of a stream: for stream-notify-room the part after the room id and its slash "
            + "(user-activity, typing, deleteMessage, ...), for stream-notify-user the part after the user id and its slash (notification, rooms-changed, "
            + "subscriptions-changed, message, ...), for stream-notify-logged and stream-notify-all the whole event name (user-status, ...).")
    private String event;
    @UriParam(label = "consumer", description = "The raw DDP event name to subscribe to (e.g. GENERAL/user-activity); overrides roomId, "
            + "roomName and event.")
    private String eventName;
    @UriParam(label = "consumer", description = "Comma-separated user ids to watch on stream-user-presence.")
    private String userIds;
    @UriParam(label = "consumer", description = "The params of a classic publication, as a JSON array (for example a room id and a limit).")
    private String params;
    @UriParam(label = "consumer", description = "The collection whose documents a classic publication consumer receives. Empty: "
            + "the documents of every collection, each exchange naming its collection in the CamelRocketChatCollection header. "
            + "DDP data messages do not say which subscription sent them, so without a collection the consumer also receives "
            + "documents other subscriptions of the same connection publish (e.g. the logged-in user's users document).")
    private String collection;
    @UriParam(label = "consumer", defaultValue = "true", description = "Skip messages written by the logged-in user (no echo loops).")
    private boolean skipOwnMessages = true;
    @UriParam(label = "consumer", defaultValue = "created,edited,updated,deleted", description = "Which room message events to deliver, "
            + "comma-separated: created (first sighting), edited (text changed), updated (metadata only: reactions, url previews, "
            + "thread counters, pins), deleted (t:rm; and for a consumer of one room also hard deletions, from the room's "
            + "stream-notify-room deleteMessage and deleteMessageBulk events).")
    private String messageEvents = "created,edited,updated,deleted";
    @UriParam(label = "consumer", defaultValue = "true", description = "After a reconnect (and after a backlog the consumer "
            + "left to the server, and at start when a stored cursor or since is set), deliver what a room message consumer missed, "
            + "before any later live event of the room: REST chat.syncMessages (new, edited and hard-deleted messages) or DDP "
            + "loadMissedMessages (new messages) from the last delivered message's _updatedAt, overlap removed by (_id, _updatedAt). "
            + "Replayed exchanges carry CamelRocketChatReplayed=true. false: a reconnect just resumes live events, and a full "
            + "queue sheds room messages like any other stream.")
    private boolean recoverMissedMessages = true;
    @UriParam(label = "consumer,advanced", description = "A StateRepository<String,String> (e.g. a FileStateRepository, or one "
            + "shared by a cluster) that keeps each room message consumer's cursor, written after each delivered message: key "
            + "rocketchat:stream-room-messages:ROOM:ROUTE (ROOM the room id or __my_messages__, ROUTE the route id), value the "
            + "ISO-8601 _updatedAt of the last message, a space and the ids delivered in that millisecond. A restarted application (or the next leader behind master:) "
            + "resumes from it and delivers what was posted meanwhile, before live events.")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer", description = "Where a room message consumer without a stored cursor starts: an ISO-8601 instant "
            + "(2026-12-01T08:00:00Z) or a duration before the start (PT1H); the messages since then are delivered first, as "
            + "replayed. Empty: live events only.")
    private String since;
    @UriParam(label = "consumer,advanced", defaultValue = "1000", description = "The most events a consumer holds while its route "
            + "is busy (one exchange is in flight at a time, in order). When full, a room message consumer stops queueing and "
            + "fetches the backlog from the server once its queue drained (nothing is lost; health detail "
            + "rocketchat.consumer.deferred); other streams (typing, presence, notifications, publications) shed further events, "
            + "counted in the health detail rocketchat.consumer.dropped and logged at WARN at most once a minute. -1: unbounded "
            + "(never defers or sheds; memory grows with a slow route).")
    private int maxQueueSize = 1000;

    @UriParam(label = "common,advanced", defaultValue = "500", javaType = "java.time.Duration", description = "The cap of the first "
            + "reconnect attempt's delay after a lost connection (ms). Attempt n waits a random time up to "
            + "min(reconnectMaxDelay, reconnectInitialDelay times 2^(n-1)) (exponential backoff with full jitter).")
    private long reconnectInitialDelay = 500;
    @UriParam(label = "common,advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The largest reconnect delay (ms).")
    private long reconnectMaxDelay = 30000;
    @UriParam(label = "common,advanced", defaultValue = "0", description = "Failed reconnect attempts in a row before the "
            + "connection gives up; 0 = never give up. A connection that gave up fails its consumers through their "
            + "ExceptionHandler (a consumer behind master: then stops, so another node takes over) and fails calls at once.")
    private int maxReconnectAttempts;

    @UriParam(label = "producer", description = "The thread to reply in (the thread parent's message id).")
    private String threadId;
    @UriParam(label = "producer", description = "sendMessage: the display name override (goes over REST chat.sendMessage on 7.1+).")
    private String alias;
    @UriParam(label = "producer", description = "sendMessage: the emoji avatar override, e.g. :robot: (REST on 7.1+); setReaction: the emoji.")
    private String emoji;
    @UriParam(label = "producer", description = "sendMessage: the avatar image URL override (REST on 7.1+).")
    private String avatar;
    @UriParam(label = "producer", description = "createChannel and createPrivateGroup: comma-separated usernames to add.")
    private String members;
    @UriParam(label = "producer", defaultValue = "false", description = "createChannel and createPrivateGroup: make the room read-only.")
    private boolean readOnly;
    @UriParam(label = "producer", defaultValue = "20", description = "loadHistory: how many messages to load.")
    private int limit = 20;
    @UriParam(label = "producer,security", defaultValue = "false", description = "Let this producer call the methods that end "
            + "or replace the login of the shared connection for every endpoint that uses it: login, logout, logoutOtherClients "
            + "and deleteUserOwnAccount. Refused by default (at route start for the endpoint's method, per exchange for the "
            + "CamelRocketChatMethod header) with a RocketChatInvalidInputException.")
    private boolean allowSessionMethods;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
            description = "How long a producer call may wait for Rocket.Chat's rate limiter, in milliseconds. A call the server "
            + "refuses with too-many-requests is retried by itself after the wait the server names (plus a little jitter), in "
            + "its place before later calls of the same method; a refusal asking for a longer wait, or refusals of one call "
            + "adding up to more, fail the exchange with RocketChatRateLimitException. 0 fails at the first refusal.")
    private long rateLimitMaxWait = 60000;
    @UriParam(label = "producer", description = "A client-side ceiling for this producer's method on the shared connection, "
            + "as calls/window: 5/1s, 10/10s, 100/1m, 2/500ms. Calls over it wait their turn in order, so a busy route stays "
            + "under the server's limits without being refused. Off by default.")
    private String rateLimit;
    @UriParam(label = "advanced", defaultValue = "1000", description = "How many producer calls may wait per connection: for the "
            + "connection to be restored, for the rate limiter or for a client-side rateLimit. A call beyond it fails at once with "
            + "RocketChatConnectionException (error pending-calls-full). Like the timeouts, the first endpoint to open the shared "
            + "connection decides.")
    private int maxPendingCalls = 1000;

    /** A deep-enough copy: every field is immutable or shared on purpose (sslContextParameters). */
    public RocketChatConfiguration copy() {
        try {
            return (RocketChatConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public void setServerUrl(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public void setTotpSecret(String totpSecret) {
        this.totpSecret = totpSecret;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getMethodTimeout() {
        return methodTimeout;
    }

    public void setMethodTimeout(long methodTimeout) {
        this.methodTimeout = methodTimeout;
    }

    public long getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(long pingInterval) {
        this.pingInterval = pingInterval;
    }

    public long getPingTimeout() {
        return pingTimeout;
    }

    public void setPingTimeout(long pingTimeout) {
        this.pingTimeout = pingTimeout;
    }

    public String getRoomId() {
        return roomId;
    }

    public void setRoomId(String roomId) {
        this.roomId = roomId;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getUserIds() {
        return userIds;
    }

    public void setUserIds(String userIds) {
        this.userIds = userIds;
    }

    public String getParams() {
        return params;
    }

    public void setParams(String params) {
        this.params = params;
    }

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public boolean isSkipOwnMessages() {
        return skipOwnMessages;
    }

    public void setSkipOwnMessages(boolean skipOwnMessages) {
        this.skipOwnMessages = skipOwnMessages;
    }

    public String getMessageEvents() {
        return messageEvents;
    }

    public void setMessageEvents(String messageEvents) {
        this.messageEvents = messageEvents;
    }

    public boolean isRecoverMissedMessages() {
        return recoverMissedMessages;
    }

    public void setRecoverMissedMessages(boolean recoverMissedMessages) {
        this.recoverMissedMessages = recoverMissedMessages;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public int getMaxQueueSize() {
        return maxQueueSize;
    }

    public void setMaxQueueSize(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    public String getThreadId() {
        return threadId;
    }

    public void setThreadId(String threadId) {
        this.threadId = threadId;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getEmoji() {
        return emoji;
    }

    public void setEmoji(String emoji) {
        this.emoji = emoji;
    }

    public String getAvatar() {
        return avatar;
    }

    public void setAvatar(String avatar) {
        this.avatar = avatar;
    }

    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public boolean isAllowSessionMethods() {
        return allowSessionMethods;
    }

    public void setAllowSessionMethods(boolean allowSessionMethods) {
        this.allowSessionMethods = allowSessionMethods;
    }

    @Override
    public String toString() {
        return "RocketChatConfiguration[serverUrl=" + SessionSettings.maskedUrl(serverUrl) + ", username=" + username + ", userId=" + userId
                + ", password=" + (password == null ? "none" : "******") + ", authToken=" + (authToken == null ? "none" : "******")
                + ", totpSecret=" + (totpSecret == null ? "none" : "******")
                + ", transport=" + transport + ", roomId=" + roomId + ", roomName=" + roomName + ", event=" + event
                + ", eventName=" + eventName + ", collection=" + collection + "]";
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public String getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(String rateLimit) {
        this.rateLimit = rateLimit;
    }

    public int getMaxPendingCalls() {
        return maxPendingCalls;
    }

    public void setMaxPendingCalls(int maxPendingCalls) {
        this.maxPendingCalls = maxPendingCalls;
    }
}
