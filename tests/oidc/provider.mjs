// A real OpenID Connect provider for the tests: node-oidc-provider (npm "oidc-provider", in
// package.json) on a loopback port, with a sign-in page and a consent page of its own.
//
//   node tests/oidc/provider.mjs '<settings as JSON>'
//
// settings: {"port": 0, "client": {"client_id", "client_secret", "redirect_uris": [...]},
//            "accounts": {"<login>": {"password", "email", "email_verified", "name",
//                                     "given_name", "family_name"}}}
// It prints one line {"issuer": "http://127.0.0.1:<port>"} on stdout once it serves, and runs until
// it is ended (SIGTERM) or its standard input closes (the test process is gone).

import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

const settings = JSON.parse(process.argv[2] || "{}");
const accounts = settings.accounts || {};

// Keys made at each start: nothing secret is stored with the tests.
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid: "test" };

const configuration = {
  clients: [
    {
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
      ...settings.client,
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  async findAccount(_ctx, id) {
    if (!accounts[id]) return undefined;
    const { password: _password, ...claims } = accounts[id];
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = page("Sign-in error", `<h1>${escape(out.error)}</h1><p>${escape(out.error_description || "")}</p>`);
  },
};

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:26em;margin:3em auto}label,input,button{display:block;margin:.4em 0}
.error{color:#a00000}</style></head><body><main><p>University Identity Service</p>${body}</main></body></html>`;
}

function loginPage(uid, error = "") {
  return page(
    "Sign in",
    `<h1>Sign in</h1>${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<label for="login">Username</label><input id="login" name="login" required autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" required autocomplete="current-password">
<button type="submit">Sign in</button></form>`,
  );
}

function consentPage(uid, client, scopes) {
  return page(
    "Allow access",
    `<h1>Allow ${escape(client)} to know who you are?</h1>
<p>It asks for: ${escape(scopes.join(", "))}.</p>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Deny</button></form>`,
  );
}

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

function send(res, html, status = 200) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

async function interaction(provider, req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session, grantId } = details;
  if (req.method === "GET") {
    if (prompt.name === "login") return send(res, loginPage(uid));
    const scopes = (prompt.details.missingOIDCScope || []).filter((s) => s !== "openid");
    return send(res, consentPage(uid, params.client_id, scopes));
  }
  if (action === "login") {
    const form = await readForm(req);
    const account = accounts[form.login];
    if (!account || account.password !== form.password) {
      return send(res, loginPage(uid, "Unknown username or wrong password."), 200);
    }
    return provider.interactionFinished(req, res, { login: { accountId: form.login } }, { mergeWithLastSubmission: false });
  }
  if (action === "confirm") {
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  return provider.interactionFinished(
    req,
    res,
    { error: "access_denied", error_description: "The person did not allow it." },
    { mergeWithLastSubmission: false },
  );
}

const server = createServer();
server.listen(settings.port || 0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  server.on("request", (req, res) => {
    const match = req.url.match(/^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/);
    if (match) {
      interaction(provider, req, res, match[1], match[2]).catch((error) => {
        send(res, page("Sign-in error", `<h1>Sign-in error</h1><p>${escape(error.message)}</p>`), 400);
      });
    } else if (req.url === "/favicon.ico") {
      res.writeHead(204);
      res.end();
    } else {
      callback(req, res);
    }
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
