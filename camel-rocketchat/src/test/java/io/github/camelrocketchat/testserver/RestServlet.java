package io.github.camelrocketchat.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** HTTP side of the REST API: reads the request on a Jetty thread, runs {@link RestApi} on the server thread. */
final class RestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServerCore core;
    private final transient RestApi api;

    RestServlet(ServerCore core) {
        this.core = core;
        this.api = new RestApi(core);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = body.isBlank() ? Json.obj() : Json.parseOrNull(body);
        RestApi.Reply reply;
        if (json == null) {
            ObjectNode err = Json.obj();
            err.put("success", false);
            err.put("error", "Invalid JSON body");
            reply = new RestApi.Reply(400, err);
        } else {
            Map<String, String> query = new HashMap<>();
            req.getParameterMap().forEach((k, v) -> query.put(k, v.length > 0 ? v[0] : ""));
            RestApi.Request request = new RestApi.Request(req.getMethod(), req.getRequestURI(), query,
                    req.getHeader("X-User-Id"), req.getHeader("X-Auth-Token"), json);
            reply = core.loop.call(() -> api.handle(request));
        }
        resp.setStatus(reply.status());
        reply.headers().forEach(resp::setHeader);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(Json.write(reply.body()).getBytes(StandardCharsets.UTF_8));
    }
}
