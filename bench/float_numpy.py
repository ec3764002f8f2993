"""numpy baseline for bench/float.ts: one gradient step on sse = sum (f(x_i) - y_i)^2, vectorised
as a new user would write it, for a net in relu-net/1 order (theta flat: per layer W row-major, b).

Reads one JSON job on stdin: {"X": path, "Y": path, "theta": path (raw float64 little-endian),
"widths": [n0, ..., nL], "lr": float, "reps": int, "steps": int}. Prints one JSON line:
{"stepMs": [...] (each timed step, after a warm-up), "sse0": sse at theta, "grad": [...] (first
16 entries of the gradient at theta), "sseAfter": sse after `steps` descent steps, "numpy": version}.
"""
import json
import sys
import time

import numpy as np


def unpack(theta, widths):
    layers, at = [], 0
    for l in range(1, len(widths)):
        n_in, n_out = widths[l - 1], widths[l]
        W = theta[at:at + n_out * n_in].reshape(n_out, n_in)
        at += n_out * n_in
        b = theta[at:at + n_out]
        at += n_out
        layers.append((W, b))
    return layers


def sse_and_grad(theta, widths, X, Y):
    layers = unpack(theta, widths)
    H, Z = [X], []
    for l, (W, b) in enumerate(layers):
        z = H[-1] @ W.T + b
        Z.append(z)
        H.append(np.maximum(z, 0) if l < len(layers) - 1 else z)
    R = H[-1] - Y
    sse = float((R * R).sum())
    D = 2 * R
    grads = []
    for l in range(len(layers) - 1, -1, -1):
        W, _ = layers[l]
        grads.append((D.T @ H[l], D.sum(0)))
        if l > 0:
            D = (D @ W) * (Z[l - 1] > 0)
    flat = np.concatenate([np.concatenate([gW.ravel(), gb]) for gW, gb in reversed(grads)])
    return sse, flat


def main():
    job = json.loads(sys.stdin.read())
    widths = job["widths"]
    X = np.fromfile(job["X"], dtype="<f8").reshape(-1, widths[0])
    Y = np.fromfile(job["Y"], dtype="<f8").reshape(-1, widths[-1])
    theta0 = np.fromfile(job["theta"], dtype="<f8")
    lr = job["lr"]
    sse0, g0 = sse_and_grad(theta0, widths, X, Y)
    theta = theta0.copy()
    times = []
    for _ in range(job["reps"]):
        t = time.perf_counter()
        _, g = sse_and_grad(theta, widths, X, Y)
        theta -= lr * g
        times.append((time.perf_counter() - t) * 1e3)
    theta = theta0.copy()
    for _ in range(job["steps"]):
        _, g = sse_and_grad(theta, widths, X, Y)
        theta -= lr * g
    sse_after, _ = sse_and_grad(theta, widths, X, Y)
    print(json.dumps({"stepMs": times, "sse0": sse0, "grad": g0[:16].tolist(), "sseAfter": sse_after, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
