# The innograph explorer and CLI, for use with the Neo4j service in docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ontology.ttl shapes.ttl ./
COPY innograph ./innograph
COPY seeds ./seeds
RUN pip install . && useradd --create-home innograph
USER innograph

EXPOSE 8501
CMD ["innograph", "ui", "--host", "0.0.0.0", "--port", "8501"]
