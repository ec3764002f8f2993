#!/usr/bin/env python3
"""Timing helper for bench/linalg.ts: exact rank and determinant with SymPy.

Protocol: JSON Lines. Reads one job per line on stdin and writes one result per line on
stdout (flushed), so one process (one `import sympy`) serves the whole benchmark. The first
output line is {"ready": true, "sympy": VERSION} (or {"ready": false, "error": ...}).

A job:
  {"id": 7, "impl": "matrix" | "domainmatrix", "op": "rank" | "det",
   "rows": m, "cols": n, "entries": [["p/q", ...], ...], "timeout": seconds,
   "min_runs": 3, "min_time": 0.5, "max_time": 2.0}
  impl "matrix":       sympy.Matrix of sympy.Rational, Matrix.rank() / Matrix.det()
  impl "domainmatrix": DomainMatrix over QQ (SymPy's own fast exact path), .rank() / .det()
A result:
  {"id": 7, "ok": true, "seconds": median, "runs": k, "answer": "rank or det as p/q"}
  {"id": 7, "ok": false, "timeout": true}           (first run exceeded `timeout`)
  {"id": 7, "ok": false, "error": "..."}

Only the operation is timed: building the matrix (and a fresh copy before every run, since
Matrix is mutable) is outside the clock. A run that is fast is repeated until it has both
`min_runs` runs and `min_time` seconds, or `max_time` seconds in all; the median is reported.

Standalone: echo '{"id":1,"impl":"matrix","op":"det","rows":2,"cols":2,"entries":[["1","2"],["3","4/5"]],"timeout":10}' | python3 bench/sympy_rank.py
"""
import json
import signal
import statistics
import sys
import time


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    try:
        import sympy
        from sympy import Matrix, Rational, QQ
        from sympy.polys.matrices import DomainMatrix
    except Exception as e:  # ImportError, or a broken install
        emit({"ready": False, "error": repr(e)})
        return 0
    emit({"ready": True, "sympy": sympy.__version__})
    signal.signal(signal.SIGALRM, _alarm)

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        job_id = None
        try:
            job = json.loads(line)
            job_id = job.get("id")
            m, n = job["rows"], job["cols"]
            flat = [Rational(s) for row in job["entries"] for s in row]
            base = Matrix(m, n, flat)
            impl, op = job["impl"], job["op"]
            if impl == "matrix":
                make = base.copy
                call = (lambda M: M.rank()) if op == "rank" else (lambda M: M.det())
                answer_of = lambda v: str(v)
            elif impl == "domainmatrix":
                dm = DomainMatrix.from_Matrix(base).convert_to(QQ)
                make = lambda: dm.copy()
                call = (lambda M: M.rank()) if op == "rank" else (lambda M: M.det())
                answer_of = (lambda v: str(v)) if op == "rank" else (lambda v: str(QQ.to_sympy(v)))
            else:
                raise ValueError("unknown impl %r" % (impl,))
            if op not in ("rank", "det"):
                raise ValueError("unknown op %r" % (op,))

            timeout = float(job.get("timeout", 60))
            min_runs = int(job.get("min_runs", 3))
            min_time = float(job.get("min_time", 0.5))
            max_time = float(job.get("max_time", 2.0))

            def timed():
                M = make()
                t = time.perf_counter()
                v = call(M)
                return time.perf_counter() - t, v

            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                t, value = timed()
            except Timeout:
                emit({"id": job_id, "ok": False, "timeout": True})
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            samples, total = [t], t
            # A fast first run is a warm-up (caches, imports of lazily loaded modules).
            if t < 0.25:
                samples, total = [], 0.0
            while not ((len(samples) >= min_runs and total >= min_time) or total >= max_time):
                t, v = timed()
                if answer_of(v) != answer_of(value):
                    raise RuntimeError("answer changed between runs")
                samples.append(t)
                total += t
            emit({"id": job_id, "ok": True, "seconds": statistics.median(samples), "runs": len(samples), "answer": answer_of(value)})
        except Exception as e:
            emit({"id": job_id, "ok": False, "error": repr(e)[:500]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
