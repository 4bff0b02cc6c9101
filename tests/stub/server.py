"""A loopback OpenAI-compatible stub serving authored answers, for recording cassettes.

No model runs here. The stub answers ``POST …/chat/completions`` for factcheck's five tasks
(told apart by the first line of the system prompt) with answers written by the project:

* ``responses/<task>/<key>.json`` when such a file exists: extract by article id, judge by the
  canonical claim id, brief by a hash of the article ids cited, sweep by a hash of the claim
  lines offered, check by a hash of the sentences (see ``_key``);
* otherwise a documented fallback rule: extract makes one claim per sentence, judge says
  every member agrees, the sweep finds nothing missing, brief restates each fact's first
  quote, check accepts every sentence.

It also serves the Batch API: ``POST /files`` (multipart upload), ``POST /batches`` (runs
every line at once), ``GET /batches/{id}`` ("in_progress" the first time, "completed" after)
and ``GET /files/{id}/content``; ids are hashes of the content, so recordings are stable.

The model name scripts faults: ``stub`` answers normally; ``stub+429`` and ``stub+500`` fail
the first request; ``stub+badjson`` and ``stub+invalid`` send broken or schema-invalid JSON
first; ``stub+truncate`` cuts off (finish_reason=length) extraction answers for texts longer
than 300 characters, ``stub+truncate-N`` for texts longer than N; ``stub+cutsweep`` cuts off
every sweep answer; ``stub+401`` refuses every request. Token counts are estimates
(characters / 4), not a tokenizer's.

Run it:  python tests/stub/server.py --port 8787
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESPONSES = Path(__file__).resolve().parent / "responses"
TASKS = {
    "You extract checkable claims": ("extract", "ClaimList"),
    "You compare claims": ("judge", "GroupVerdict"),
    "You look over every claim": ("sweep", "SweepAnswer"),
    "You write a short, neutral news brief": ("brief", "BriefDraft"),
    "You check a news brief": ("check", "BriefCheck"),
}
TRUNCATE_OVER = 300
_SENTENCE = re.compile(r"[^\s].*?(?:[.!?][”\"’)]*(?=\s|$)|$)", re.DOTALL)


class Answers:
    """The stub's answers, without any server: ``answer(body)`` for one request body."""

    def __init__(self, responses: Path = RESPONSES):
        self.responses = Path(responses)
        self._fired: set[str] = set()
        self._lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, tuple[dict, str]] = {}

    # -- files and batches (the OpenAI Batch API) ----------------------------------------------

    def upload(self, filename: str, data: bytes) -> dict:
        file_id = "file-" + hashlib.sha256(data).hexdigest()[:16]
        with self._lock:
            self.files[file_id] = data
        return {"id": file_id, "object": "file", "bytes": len(data), "created_at": 0,
                "filename": filename, "purpose": "batch", "status": "processed"}  # fmt: skip

    def create_batch(self, request: dict) -> dict:
        """Run every line of the input file at once; report "in_progress" on the first
        retrieval and "completed" after, so clients must poll."""
        input_id = request.get("input_file_id", "")
        data = self.files.get(input_id)
        if data is None:
            return {"error": {"message": f"no file {input_id}", "type": "invalid_request"}}
        out = []
        for line in data.decode().splitlines():
            item = json.loads(line)
            status, _headers, body = self.answer(item["body"])
            out.append(json.dumps({"id": "req-" + item["custom_id"][:12],
                                   "custom_id": item["custom_id"],
                                   "response": {"status_code": status, "body": body},
                                   "error": None}))  # fmt: skip
        output = ("\n".join(out) + "\n").encode()
        output_id = "file-" + hashlib.sha256(output).hexdigest()[:16]
        batch_id = "batch_" + hashlib.sha256(input_id.encode()).hexdigest()[:16]
        batch = {"id": batch_id, "object": "batch", "endpoint": request.get("endpoint"),
                 "input_file_id": input_id, "completion_window": "24h", "created_at": 0,
                 "status": "in_progress", "output_file_id": None, "error_file_id": None,
                 "request_counts": {"total": len(out), "completed": 0, "failed": 0}}  # fmt: skip
        with self._lock:
            self.files[output_id] = output
            self.batches[batch_id] = (batch, output_id)
        return batch

    def retrieve_batch(self, batch_id: str) -> dict | None:
        with self._lock:
            if batch_id not in self.batches:
                return None
            batch, output_id = self.batches[batch_id]
            current = dict(batch)
            if batch["status"] == "in_progress":  # finished by the next look
                done = total = batch["request_counts"]["total"]
                self.batches[batch_id] = ({**batch, "status": "completed",
                                           "output_file_id": output_id,
                                           "request_counts": {"total": total, "completed": done,
                                                              "failed": 0}}, output_id)  # fmt: skip
            return current

    def first_time(self, fault: str) -> bool:
        with self._lock:
            if fault in self._fired:
                return False
            self._fired.add(fault)
            return True

    # -- answers ----------------------------------------------------------------------------

    def answer(self, body: dict) -> tuple[int, dict, dict]:
        """(status, headers, JSON body) for one chat completion request."""
        model = body.get("model", "stub")
        fault = model.split("+", 1)[1] if "+" in model else ""
        if fault == "401":
            return 401, {}, _error("Incorrect API key provided: sk-ca***ry.", "invalid_api_key")
        if fault in ("429", "500") and self.first_time(fault):
            status = int(fault)
            headers = {"retry-after": "1"} if status == 429 else {}
            return status, headers, _error(f"stub fault {status}", "stub_fault")
        messages = body.get("messages", [])
        task, tool = _task(messages)
        payload = self._payload(task, messages)
        text = json.dumps(payload, ensure_ascii=False)
        finish = None
        if fault in ("badjson", "invalid") and self.first_time(fault):
            text = text[: len(text) // 2] if fault == "badjson" else json.dumps({"unexpected": 1})
        if task == "sweep" and fault == "cutsweep":
            text, finish = text[: len(text) // 2], "length"
        if task == "extract" and fault.startswith("truncate"):
            article = _between(_user(messages), "<article", "</article>")
            limit = int(fault.partition("-")[2] or TRUNCATE_OVER)
            if len(article) > limit:
                text, finish = text[: len(text) // 2], "length"
        return 200, {}, _completion(body, tool, text, finish)

    def _payload(self, task: str, messages: list[dict]) -> dict:
        user = _user(messages)
        authored = self._authored(task, messages, user)
        if authored is not None:
            return authored
        return FALLBACK[task](messages, user)

    def _authored(self, task: str, messages: list[dict], user: str) -> dict | None:
        if len(messages) > 2:
            return None  # follow-ups are answered by rule
        key = _key(task, user)
        path = self.responses / task / f"{key}.json"
        if key and path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
        return None


class StubServer(Answers):
    """``StubServer().start()`` serves on 127.0.0.1 (a free port unless given) until ``stop``."""

    def __init__(self, port: int = 0, responses: Path = RESPONSES):
        super().__init__(responses)
        self.keys_seen: list[str] = []
        self.requests: list[dict] = []
        stub = self

        class Handler(_Handler):
            server_stub = stub

        self._httpd = _Server(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> StubServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # stop() waits for every handler, so no socket is left open


class _Handler(BaseHTTPRequestHandler):
    server_stub: StubServer

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        stub, path = self.server_stub, self.path.rstrip("/")
        if path.endswith("/models"):
            self._send(200, {}, {"object": "list", "data": [{"id": "stub", "object": "model"}]})
            return
        match = re.search(r"/files/([\w-]+)/content$", path)
        if match and match.group(1) in stub.files:
            self._send_bytes(200, stub.files[match.group(1)], "application/jsonl")
            return
        match = re.search(r"/batches/([\w-]+)$", path)
        batch = stub.retrieve_batch(match.group(1)) if match else None
        if batch is not None:
            self._send(200, {}, batch)
            return
        self._send(404, {}, _error("not found", "not_found"))

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        stub = self.server_stub
        auth = self.headers.get("authorization", "")
        with stub._lock:
            stub.keys_seen.append(auth.removeprefix("Bearer ").strip())
        path = self.path.rstrip("/")
        if path.endswith("/files"):
            filename, data = _multipart_file(self.headers.get("content-type", ""), raw)
            self._send(200, {}, stub.upload(filename, data))
            return
        if path.endswith("/batches"):
            self._send(200, {}, stub.create_batch(json.loads(raw or b"{}")))
            return
        if not path.endswith("/chat/completions"):
            self._send(404, {}, _error(f"no route {self.path}", "not_found"))
            return
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send(400, {}, _error("body is not JSON", "invalid_request"))
            return
        with stub._lock:
            stub.requests.append(body)
        status, headers, payload = stub.answer(body)
        self._send(status, headers, payload)

    def _send(self, status: int, headers: dict, payload: dict) -> None:
        self._send_bytes(status, json.dumps(payload, ensure_ascii=False).encode(),
                         "application/json", headers)  # fmt: skip

    def _send_bytes(self, status: int, data: bytes, kind: str, headers: dict | None = None):
        headers = headers or {}
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(data)))
        self.send_header("openai-organization", "org-stub-secret")  # must be scrubbed
        self.send_header("set-cookie", "session=stub-secret; Path=/")  # must be scrubbed
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


# -- request parsing ---------------------------------------------------------------------------


def _multipart_file(content_type: str, body: bytes) -> tuple[str, bytes]:
    """The uploaded file of a multipart/form-data body: (filename, bytes)."""
    match = re.search(r"boundary=\"?([^\";]+)", content_type)
    if not match:
        return "upload", body
    for part in body.split(b"--" + match.group(1).encode()):
        head, _, content = part.partition(b"\r\n\r\n")
        name = re.search(rb'filename="([^"]*)"', head)
        if name:
            return name.group(1).decode(), content.removesuffix(b"\r\n")
    return "upload", b""


def _task(messages: list[dict]) -> tuple[str, str]:
    system = next((m.get("content") or "" for m in messages if m.get("role") == "system"), "")
    for opening, task in TASKS.items():
        if system.startswith(opening):
            return task
    raise ValueError("the stub does not know this prompt")


def _user(messages: list[dict]) -> str:
    return next((m.get("content") or "" for m in messages if m.get("role") == "user"), "")


def _between(text: str, start: str, end: str) -> str:
    """What stands between the ``start`` tag and the ``end`` tag, with data escapes undone."""
    begin = text.find(start)
    if begin < 0:
        return ""
    begin = text.find(">", begin) + 1
    stop = text.rfind(end)
    inner = text[begin:stop] if stop > begin else text[begin:]
    return inner.strip("\n").replace("&lt;", "<")


def _json_between(text: str, tag: str):
    return json.loads(_between(text, f"<{tag}>", f"</{tag}>"))


def _key(task: str, user: str) -> str | None:
    if task == "extract":
        if "(part " in user.split("\n", 1)[0]:
            return None
        match = re.search(r'<article id="([0-9a-f]+)">', user)
        return match.group(1) if match else None
    if task == "judge":
        match = re.search(r"Canonical claim id: (\S+)", user)
        return match.group(1) if match else None
    if task == "brief":  # the articles whose claims are offered
        ids = sorted(set(re.findall(r'"id": "([0-9a-f]{12})-', user)))
        return hashlib.sha256("|".join(ids).encode()).hexdigest()[:12] if ids else None
    if task == "sweep":  # the claims offered, as the lines show them
        claims = _between(user, "<claims>", "</claims>")
        return hashlib.sha256(claims.encode()).hexdigest()[:12] if claims else None
    sentences = _between(user, "<sentences>", "</sentences>")  # check: the sentences themselves
    return hashlib.sha256(sentences.encode()).hexdigest()[:12] if sentences else None


# -- fallback rules ----------------------------------------------------------------------------


def _extract_rule(messages: list[dict], user: str) -> dict:
    article = _between(user, "<article", "</article>")
    if len(messages) > 2:  # asked to repair quotes: the article sentence sharing most words
        previous = json.loads(messages[2].get("content") or "{}").get("claims", [])
        sentences = _sentences(article)
        repaired = []
        for claim in previous:
            best = max(sentences, key=lambda s: _overlap(s, claim.get("quote", "")), default="")
            if best and _overlap(best, claim.get("quote", "")) > 0.5:
                repaired.append({**claim, "quote": best})
        return {"claims": repaired}
    claims = []
    for sentence in _sentences(article):
        kind = "quantity" if re.search(r"\d", sentence) else "event"
        claims.append({"statement": sentence, "kind": kind, "quote": sentence})
    return {"claims": claims}


def _judge_rule(_messages: list[dict], user: str) -> dict:
    claims = _json_between(user, "claims")
    canonical = claims[0]
    topic = " ".join(canonical.get("statement", "").split()[:8])
    verdicts = [
        {"claim": c["id"], "state": "agree", "confidence": 0.8, "reason": "same fact"}
        for c in claims[1:]
    ]
    return {"topic": topic, "verdicts": verdicts}


def _brief_rule(_messages: list[dict], user: str) -> dict:
    sentences = []
    for fact in _json_between(user, "facts"):
        ids = [c["id"] for c in fact["claims"]]
        quote = " ".join(fact["claims"][0]["quote"].split())
        if fact.get("disputed"):
            sentences.append({"text": fact.get("dispute", quote), "claims": ids, "disputed": True})
        elif fact["support"].startswith("1 of"):
            sentences.append({"text": f"One source reports: {quote}", "claims": ids[:1]})
        else:
            sentences.append({"text": quote, "claims": ids})
    return {"sentences": sentences}


def _check_rule(_messages: list[dict], user: str) -> dict:
    items = _json_between(user, "sentences")
    return {
        "results": [
            {"index": item["index"], "supported": True, "reason": "quoted"} for item in items
        ]
    }


def _sweep_rule(_messages: list[dict], _user: str) -> dict:
    return {"findings": []}  # nothing missed: only authored answers propose findings


FALLBACK = {
    "extract": _extract_rule,
    "judge": _judge_rule,
    "sweep": _sweep_rule,
    "brief": _brief_rule,
    "check": _check_rule,
}


def _sentences(text: str) -> list[str]:
    found = []
    for block in re.split(r"\n\s*\n|\n(?=[A-Z“\"])", text):
        found += [m.group().strip() for m in _SENTENCE.finditer(block) if m.group().strip()]
    return [s for s in found if len(s.split()) >= 3]


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(1, len(wb))


# -- response shapes ---------------------------------------------------------------------------


def _completion(body: dict, tool: str, text: str, finish: str | None) -> dict:
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    message: dict = {"role": "assistant", "content": None}
    if body.get("tools"):
        message["tool_calls"] = [
            {
                "id": f"call_{digest}",
                "type": "function",
                "function": {"name": tool, "arguments": text},
            }
        ]
        finish = finish or "tool_calls"
    elif body.get("response_format"):
        message["content"] = text
    else:
        message["content"] = f"```json\n{text}\n```"
    prompt_chars = sum(len(m.get("content") or "") for m in body.get("messages", []))
    return {
        "id": f"chatcmpl-{digest}",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "stub"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish or "stop"}],
        "usage": {
            "prompt_tokens": prompt_chars // 4,
            "completion_tokens": len(text) // 4,
            "total_tokens": prompt_chars // 4 + len(text) // 4,
        },
    }


def _error(message: str, code: str) -> dict:
    return {"error": {"message": message, "type": code, "code": code}}


def main() -> None:
    parser = argparse.ArgumentParser(description="Loopback OpenAI-compatible stub (authored).")
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--responses", type=Path, default=RESPONSES)
    args = parser.parse_args()
    server = StubServer(args.port, args.responses)
    print(f"stub serving authored answers at {server.url} (Ctrl-C stops)", flush=True)
    server.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
