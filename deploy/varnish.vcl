# Varnish in front of the Zope instances (README, "Caching"). What to cache is Plone's decision
# (plone.app.caching sets Cache-Control: s-maxage on public pages only); this file makes sure that
# nothing of a logged-in member is stored, and lets the instances purge changed pages.
# Tests and deployments set the backend address: scripts/varnish.py renders BACKEND_HOST and
# BACKEND_PORT.
vcl 4.1;

backend plone {
    .host = "BACKEND_HOST";
    .port = "BACKEND_PORT";
    .connect_timeout = 2s;
    .first_byte_timeout = 120s;
}

# Only the instances on this machine may purge.
acl purge {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purge) {
            return (synth(405, "Purging is not allowed from this address."));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A member (logged in by cookie or HTTP authentication) always reaches Plone.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)__ac(_[a-z]+)?=") {
        return (pass);
    }
    # Other cookies (a status message, statistics) never select a different public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # A response that sets a cookie, or that Plone marks private, is never stored for others.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Without s-maxage or max-age Plone did not ask for caching: do not cache.
    if (beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
