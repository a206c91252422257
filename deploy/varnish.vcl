# Varnish in front of the Zope instances (README, "Caching"). What to cache is Plone's decision
# (plone.app.caching sets Cache-Control: s-maxage on public pages only); this file makes sure that
# nothing of a logged-in member is stored, and lets the instances purge changed pages.
# Tests and deployments set the backend address: scripts/varnish.py renders BACKEND_HOST and
# BACKEND_PORT. Over HTTPS, a TLS terminator in front (deploy/nginx-tls.conf) sends addresses
# that Zope's VirtualHostMonster reads (/VirtualHostBase/https/host:443/Plone/VirtualHostRoot/...):
# they pass unchanged, and each is its own cache entry, apart from any plain-HTTP copy.
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
        # Every language's copy of the page (each is its own cache entry, see vcl_hash).
        if (req.url ~ "^/VirtualHostBase/") {
            # A page served through a virtual host (README, "Serving over HTTPS"): its address
            # names the scheme, host and port itself, whatever Host header the purge came with.
            # Plone leaves out the scheme's own port, which the proxy in front always sends.
            set req.url = regsub(req.url, "^/VirtualHostBase/https/([^/:]+)/", "/VirtualHostBase/https/\1:443/");
            set req.url = regsub(req.url, "^/VirtualHostBase/http/([^/:]+)/", "/VirtualHostBase/http/\1:80/");
            ban("req.url == " + req.url);
        } else {
            ban("req.http.host == " + req.http.host + " && req.url == " + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A member (logged in by cookie or HTTP authentication) always reaches Plone.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)__ac(_[a-z]+)?=") {
        return (pass);
    }
    # A page outside the language homes speaks the visitor's language: the one chosen with the
    # language switcher (cookie I18N_LANGUAGE), else the browser's first. Keep that, as two
    # letters, both for Plone and for the cache key; no other cookie selects a different page.
    if (req.http.Cookie ~ "(^|;\s*)I18N_LANGUAGE=[^a-z;]?[a-z][a-z]") {
        set req.http.X-Language = regsub(req.http.Cookie, "^(.*;\s*)?I18N_LANGUAGE=[^a-z;]?([a-z][a-z]).*$", "\2");
        set req.http.Cookie = "I18N_LANGUAGE=" + req.http.X-Language;
    } else {
        unset req.http.Cookie;
        if (req.http.Accept-Language ~ "^\s*[a-zA-Z][a-zA-Z]") {
            set req.http.X-Language = regsub(req.http.Accept-Language, "^\s*([a-zA-Z][a-zA-Z]).*$", "\1");
            set req.http.Accept-Language = req.http.X-Language;
        } else {
            unset req.http.Accept-Language;
            set req.http.X-Language = "";
        }
    }
    return (hash);
}

sub vcl_hash {
    # The URL and host (Varnish's own hashing, after this), and the visitor's language.
    hash_data(req.http.X-Language);
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
