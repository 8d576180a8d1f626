/** The page at `/` until the web app lands: what this server offers and where to look. */
export async function placeholderPage() {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AidFlow (local)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
  code { background: #f1f1f1; padding: 0 .25rem; }
  a { color: #005ea2; }
</style>
</head>
<body>
<main>
<h1>AidFlow is running</h1>
<p>This is the local runtime: the same handlers and workflows as in AWS, on this computer.
The web app for applicants and staff comes next; until then, use the API.</p>
<h2>What you can do</h2>
<ul>
  <li>Apply for aid: <code>POST /v1/aid-applications</code></li>
  <li>See a case: <code>GET /v1/cases/{reference}</code> with the <code>X-Access-Code</code> header</li>
  <li>Staff sign-in: <code>POST /auth/local/token</code> with a demo user (password <code>demo</code>)</li>
  <li>Staff tasks: <code>GET /v1/tasks</code>, decisions: <code>POST /v1/tasks/{taskId}/decision</code></li>
</ul>
<p>The whole API: <a href="/openapi.json">/openapi.json</a>. Health: <a href="/health">/health</a>.</p>
</main>
</body>
</html>`;
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}
