FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY archive ./archive
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0
RUN useradd --create-home archive && mkdir -p /app/data/uploads && chown -R archive /app/data
USER archive
EXPOSE 8000
CMD ["gunicorn", "archive.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
