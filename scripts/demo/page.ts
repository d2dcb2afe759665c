/**
 * A local chat page in ChatGPT's DOM family A (the markup of the real 2026-07 captures, as in
 * tests/fixtures/sites/chatgpt/streaming.html) that streams the demo answers one after another: a user turn,
 * an assistant turn filled block by block while the composer shows a stop button, then the action bar. The
 * extension's ChatGPT adapter records each answer as it would on chatgpt.com.
 */
import { marked } from 'marked';
import type { DemoAnswer } from './answers';

/** JSON for an inline script: `<` escaped so no text can close the script element. */
const inlineJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export function demoChatPage(answers: readonly DemoAnswer[], stepMs = 120): string {
  const turns = answers.map((a) => ({ prompt: a.prompt, model: a.model, html: marked.parse(a.text, { async: false }) }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ModelPrint demo chat</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#222}
main{max-width:760px;margin:0 auto;padding:24px}
header{font-weight:600;margin-bottom:16px}
[data-turn="user"] .bubble{background:#f1f1f1;border-radius:16px;padding:8px 14px;margin:18px 0 8px auto;max-width:70%;white-space:pre-wrap}
.model{font-size:12px;color:#666}
pre{background:#f6f6f6;padding:8px;overflow:auto}
</style></head>
<body><main id="main">
<header>ModelPrint demo: real answers of ${answers.length} reference models (Arena-Hard, Apache-2.0), streamed into ChatGPT's markup</header>
<div id="thread"></div>
<form data-type="unified-composer" id="composer">
  <button type="button" id="composer-submit-button" data-testid="send-button" aria-label="Send prompt"></button>
</form>
</main>
<script>
(function () {
  var turns = ${inlineJson(turns)};
  var thread = document.getElementById('thread');
  var composer = document.getElementById('composer');
  var id = function (n) { return '0de70000-0000-4000-8000-' + String(n).padStart(12, '0'); };
  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (html) node.innerHTML = html;
    return node;
  }
  function setComposer(stop) {
    composer.querySelector('#composer-submit-button').remove();
    composer.appendChild(stop
      ? el('button', { type: 'button', id: 'composer-submit-button', 'data-testid': 'stop-button', 'aria-label': 'Stop streaming' })
      : el('button', { type: 'button', id: 'composer-submit-button', 'data-testid': 'send-button', 'aria-label': 'Send prompt' }));
  }
  function play(i) {
    if (i >= turns.length) { document.body.setAttribute('data-demo-done', 'true'); return; }
    var t = turns[i];
    var user = el('section', { 'data-testid': 'conversation-turn-' + (2 * i + 1), 'data-turn': 'user' });
    var msg = el('div', { 'data-message-author-role': 'user', 'data-message-id': id(2 * i + 1) });
    var bubble = el('div', { class: 'bubble' });
    var inner = el('div', { class: 'whitespace-pre-wrap' });
    inner.textContent = t.prompt;
    bubble.appendChild(inner); msg.appendChild(bubble); user.appendChild(msg);
    var turn = el('section', { 'data-testid': 'conversation-turn-' + (2 * i + 2), 'data-turn': 'assistant' });
    var label = el('div', { class: 'model' }); label.textContent = t.model;
    var answer = el('div', { 'data-message-author-role': 'assistant', 'data-message-id': id(2 * i + 2), 'data-message-model-slug': t.model });
    var body = el('div', { class: 'markdown prose' });
    answer.appendChild(body); turn.appendChild(label); turn.appendChild(answer);
    thread.appendChild(user); thread.appendChild(turn);
    setComposer(true);
    // The finished answer's blocks, appended one per step, as a token stream grows the answer.
    var blocks = Array.prototype.slice.call(el('div', {}, t.html).children);
    var timer = setInterval(function () {
      if (blocks.length) { body.appendChild(blocks.shift()); return; }
      clearInterval(timer);
      setComposer(false);
      turn.appendChild(el('div', { 'aria-label': 'Response actions', role: 'group' },
        '<button type="button" aria-label="Copy response" data-testid="copy-turn-action-button"></button>'));
      setTimeout(function () { play(i + 1); }, 600);
    }, ${stepMs});
  }
  setTimeout(function () { play(0); }, 300);
})();
</script></body></html>`;
}
