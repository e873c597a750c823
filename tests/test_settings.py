"""Settings come from the environment and pass Django's deployment checks."""

import os
from pathlib import Path

import pytest
import yaml

from archive.devtools import processes

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def manage(tmp_path_factory):
    """manage.py in a child process with the production settings, without DEBUG, HTTPS or SECRET_KEY
    from this environment, plus the given variables."""

    def run(*args, **env):
        environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS", "SECRET_KEY"}}
        # A data folder of its own: no local secret key file from `make run`, no database of ours.
        data_dir = str(tmp_path_factory.mktemp("settings-test-"))
        environment.update({"DJANGO_SETTINGS_MODULE": "archive.settings", "DATA_DIR": data_dir, **env})
        return processes.manage(environment, *args)

    return run


@pytest.mark.slow
def test_a_secret_key_is_required_when_debug_is_off(manage):
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_check_deploy_reports_only_the_https_settings_until_https_is_on(manage):
    key = "k" * 60 + "-Zq9!x"
    result = manage("check", "--deploy", SECRET_KEY=key)
    reported = {line.split(":")[0].strip() for line in result.stderr.splitlines() if line.startswith("?:")}
    assert reported <= {"?", "(security.W004)", "(security.W008)", "(security.W012)", "(security.W016)"}
    assert "security.W004" in result.stderr  # HSTS
    https = manage("check", "--deploy", SECRET_KEY=key, HTTPS="true")
    assert https.returncode == 0, https.stderr
    assert "System check identified no issues" in https.stdout


@pytest.mark.slow
def test_the_key_make_run_generated_is_used_when_none_is_set(manage, tmp_path):
    (tmp_path / "secret_key").write_text("k" * 60 + "-Zq9!x\n")
    result = manage("check", DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_bad_boolean_settings_are_refused_with_a_clear_message(manage):
    result = manage("check", SECRET_KEY="x" * 60, DEBUG="maybe")
    assert "DEBUG must be true or false" in result.stderr


def test_docker_compose_runs_postgres_and_the_web_app():
    compose = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())
    db, web = compose["services"]["db"], compose["services"]["web"]
    assert db["image"].startswith("postgres:16")
    assert "shared_buffers=1GB" in db["command"]  # a larger archive than the default buffers hold
    assert "healthcheck" in db
    assert any(volume.startswith("pgdata:") for volume in db["volumes"])
    assert "pgdata" in compose["volumes"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "SECRET_KEY" in web["environment"]
    for step in ("migrate", "import_documents", "gunicorn"):
        assert step in web["command"]
    assert (PROJECT / "Dockerfile").exists()


@pytest.mark.slow
def test_migrations_are_in_step_with_the_models(manage):
    result = manage("makemigrations", "--check", "--dry-run", SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docker_compose_runs_a_streaming_replica_the_web_app_reads_from():
    compose = yaml.safe_load((PROJECT / "docker-compose.yml").read_text())
    db, replica, web = (compose["services"][name] for name in ("db", "replica", "web"))
    assert replica["image"] == db["image"]  # PostgreSQL's own image, configured by script
    script = next(v.split(":")[0] for v in replica["volumes"] if v.endswith(":/replica.sh:ro"))
    assert replica["entrypoint"] == ["/replica.sh"] and "pg_basebackup" in (PROJECT / script).read_text()
    assert "-R" in (PROJECT / script).read_text().split()  # writes the settings that follow the primary
    init = next(v.split(":")[0] for v in db["volumes"] if "docker-entrypoint-initdb.d" in v)
    assert "REPLICATION LOGIN" in (PROJECT / init).read_text()
    assert replica["depends_on"]["db"]["condition"] == "service_healthy"
    assert any(v.startswith("replicadata:") for v in replica["volumes"]) and "replicadata" in compose["volumes"]
    assert (
        web["environment"]["DATABASE_REPLICA_URLS"].startswith("postgres://")
        and "@replica:" in (web["environment"]["DATABASE_REPLICA_URLS"])
    )
