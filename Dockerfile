# writeoff-bot in HTTP mode: `docker build -t writeoff-bot .`, then see compose.yaml.
# Settings come from the environment (README, Configuration); DATABASE_URL should name
# PostgreSQL: the SQLite default would live and die with the container.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=3000 \
    HOST=0.0.0.0

# The project and its pinned dependencies (constraints.txt), installed as root into the
# image's Python; the sources are not kept.
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY ledger ./ledger
COPY qbo ./qbo
COPY bot ./bot
RUN pip install --no-cache-dir -c constraints.txt . \
    && rm -rf /src

# Run as an unprivileged user; /app is its working directory (a .env there is read, and
# the SQLite fallback would go to /app/data).
RUN useradd --system --uid 10001 --user-group --home-dir /app --create-home writeoff
WORKDIR /app
USER 10001:10001

EXPOSE 3000

# GET /healthz on the port the app listens on (the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)"]

CMD ["writeoff", "serve", "--http"]
