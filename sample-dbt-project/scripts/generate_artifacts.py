#!/usr/bin/env python3
"""Writes target/manifest.json and target/run_results.json for this project as `dbt build` writes them.

Why this exists: spoke's build has no access to PyPI, so dbt-core and dbt-duckdb cannot be installed where the
project is developed and tested. This script reproduces, for this project only, what
`dbt build --project-dir . --profiles-dir .` (dbt-core 1.11.12, dbt-duckdb, threads 1) writes, following
dbt-core's own rules:

- node checksum: sha256 of the file text with leading/trailing whitespace stripped; raw_code is that text;
- compiled_code: raw_code rendered by Jinja with ref() -> "sample"."main"."<name>" (dbt-duckdb names the
  database after the DuckDB file's stem) and var() -> the value from dbt_project.yml;
- generic test ids: md5(name + repr(sorted test metadata)) suffix, compiled SQL of dbt's unique / not_null;
- contract checksum: sha256 of the sorted columns' name, data_type and constraints (+ materialization);
- primary_key: the primary_key constraint, else columns with both unique and not_null tests;
- key order of every object as in a real dbt 1.11.12 + dbt-duckdb manifest.

The `macros` map (every macro of dbt and dbt_duckdb, as dbt writes it) and `docs` are carried over from the
manifest named by --macros-from (default: the committed target/manifest.json). They were first taken from a
real dbt 1.11.12 + dbt-duckdb manifest, see README.md.

Needs PyYAML and Jinja2 (both are dbt-core dependencies). Run from anywhere:
    python3 sample-dbt-project/scripts/generate_artifacts.py
The output is deterministic: the invocation's ids and timestamps are fixed below.
"""
import argparse
import csv
import datetime
import hashlib
import io
import json
import os
import sys

import jinja2
import yaml

DBT_VERSION = "1.11.12"
INVOCATION_ID = "5b0f3c1e-8d2a-4c7b-9e61-2f4a7d9c0b13"
USER_ID = "a3c5e7f9-1b2d-4e6f-8a0c-9d7b5f3e1c2a"
# The daily job ran at 06:00 UTC on the as_of date.
STARTED_AT = datetime.datetime(2026, 11, 1, 6, 0, 3, 512847, tzinfo=datetime.timezone.utc)
SCHEMA = "main"
TEST_SCHEMA = "main_dbt_test__audit"
TARGET_PATH = "target"
THREAD = "Thread-1 (worker)"


def project_dir():
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def epoch(moment):
    return moment.timestamp()


def iso_z(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def iso_offset(moment):
    return moment.astimezone(datetime.timezone.utc).isoformat()


def quoted(*parts):
    return ".".join('"' + part.replace('"', '""') + '"' for part in parts)


class Clock:
    """Hands out increasing instants, so timings and created_at read like one real invocation."""

    def __init__(self, start):
        self.now = start

    def tick(self, microseconds):
        self.now = self.now + datetime.timedelta(microseconds=microseconds)
        return self.now


def constraint(spec, model_level=False):
    result = {
        "type": spec["type"],
        "name": spec.get("name"),
        "expression": spec.get("expression"),
        "warn_unenforced": spec.get("warn_unenforced", True),
        "warn_unsupported": spec.get("warn_unsupported", True),
        "to": spec.get("to"),
        "to_columns": spec.get("to_columns", []),
    }
    if model_level:
        result["columns"] = spec.get("columns", [])
    return result


def constraint_repr(c):
    """Python repr of dbt's ColumnLevelConstraint / ModelLevelConstraint dataclass, as used for the contract checksum."""
    fields = (
        f"type=<ConstraintType.{c['type']}: '{c['type']}'>, name={c['name']!r}, expression={c['expression']!r}, "
        f"warn_unenforced={c['warn_unenforced']!r}, warn_unsupported={c['warn_unsupported']!r}, to={c['to']!r}, "
        f"to_columns={c['to_columns']!r}"
    )
    if "columns" in c:
        return f"ModelLevelConstraint({fields}, columns={c['columns']!r})"
    return f"ColumnLevelConstraint({fields})"


def contract_checksum(columns, materialized, model_constraints):
    state = ""
    for column in sorted(columns.values(), key=lambda col: col["name"]):
        state += f"|{column['name']}"
        state += str(column["data_type"])
        state += "[" + ", ".join(constraint_repr(c) for c in column["constraints"]) + "]"
    if materialized in ("table", "incremental"):
        state += materialized
        state += "[" + ", ".join(constraint_repr(c) for c in model_constraints) + "]"
    return sha256(state)


def column_entry(spec):
    return {
        "name": spec["name"],
        "description": spec.get("description", ""),
        "meta": {},
        "data_type": spec.get("data_type"),
        "constraints": [constraint(c) for c in spec.get("constraints", [])],
        "quote": None,
        "config": {"meta": {}, "tags": []},
        "tags": [],
        "granularity": None,
        "doc_blocks": [],
    }


def test_names(column):
    return column.get("data_tests", [])


class Project:
    def __init__(self, root, macros_from):
        self.root = root
        self.config = read_yaml(os.path.join(root, "dbt_project.yml"))
        self.name = self.config["name"]
        profiles = read_yaml(os.path.join(root, "profiles.yml"))
        profile = profiles[self.config["profile"]]
        output = profile["outputs"][profile["target"]]
        if output["type"] != "duckdb":
            sys.exit("profiles.yml: the sample's target must be type duckdb")
        self.database = os.path.splitext(os.path.basename(output["path"]))[0]
        self.vars = self.config.get("vars", {})
        self.model_dirs = self.config["models"][self.name]
        self.seed_configs = self.config["seeds"][self.name]
        with open(macros_from, encoding="utf-8") as handle:
            self.carried = json.load(handle)

    def relation(self, name):
        return quoted(self.database, SCHEMA, name)


def model_files(project):
    """(directory, model name, file text) in the order dbt parses them: directory by directory."""
    for directory in sorted(project.model_dirs):
        folder = os.path.join(project.root, "models", directory)
        for file_name in sorted(os.listdir(folder)):
            if file_name.endswith(".sql"):
                yield directory, file_name[: -len(".sql")], read_text(os.path.join(folder, file_name))


def seed_files(project):
    folder = os.path.join(project.root, "seeds")
    for file_name in sorted(os.listdir(folder)):
        if file_name.endswith(".csv"):
            yield file_name[: -len(".csv")], read_text(os.path.join(folder, file_name))


def schema_entries(project, directory):
    document = read_yaml(os.path.join(project.root, "models", directory, "schema.yml"))
    return {entry["name"]: entry for entry in document["models"]}


def render(project, raw_code, seed_names, model_names):
    refs = []

    def ref(name):
        if name not in seed_names and name not in model_names:
            raise SystemExit(f"ref('{name}') names no model or seed of the project")
        refs.append(name)
        return project.relation(name)

    def var(name):
        if name not in project.vars:
            raise SystemExit(f"var('{name}') is not set in dbt_project.yml vars")
        return project.vars[name]

    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    compiled = environment.from_string(raw_code).render(ref=ref, var=var)
    return compiled, refs


def unique_id_of(project, name, seed_names):
    kind = "seed" if name in seed_names else "model"
    return f"{kind}.{project.name}.{name}"


def build_model(project, directory, name, text, entry, seed_names, model_names, created_at):
    raw_code = text.strip()
    compiled_code, refs = render(project, raw_code, seed_names, model_names)
    materialized = project.model_dirs[directory]["+materialized"]
    yml_config = entry.get("config", {})
    meta = yml_config.get("meta", {})
    contract_enforced = yml_config.get("contract", {}).get("enforced", False)
    columns = {column["name"]: column_entry(column) for column in entry.get("columns", [])}
    depends_on = []
    for ref_name in refs:
        unique_id = unique_id_of(project, ref_name, seed_names)
        if unique_id not in depends_on:
            depends_on.append(unique_id)
    model_constraints = []
    unrendered = {"materialized": materialized}
    unrendered.update(yml_config)
    original_file_path = f"models/{directory}/{name}.sql"
    return {
        "database": project.database,
        "schema": SCHEMA,
        "name": name,
        "resource_type": "model",
        "package_name": project.name,
        "path": f"{directory}/{name}.sql",
        "original_file_path": original_file_path,
        "unique_id": f"model.{project.name}.{name}",
        "fqn": [project.name, directory, name],
        "alias": name,
        "checksum": {"name": "sha256", "checksum": sha256(raw_code)},
        "config": {
            "enabled": True,
            "alias": None,
            "schema": None,
            "database": None,
            "tags": [],
            "meta": meta,
            "group": None,
            "static_analysis": None,
            "materialized": materialized,
            "incremental_strategy": None,
            "batch_size": None,
            "lookback": 1,
            "begin": None,
            "persist_docs": {},
            "post-hook": [],
            "pre-hook": [],
            "quoting": {},
            "column_types": {},
            "full_refresh": None,
            "unique_key": yml_config.get("unique_key"),
            "on_schema_change": "ignore",
            "on_configuration_change": "apply",
            "grants": {},
            "packages": [],
            "docs": {"show": True, "node_color": None},
            "contract": {"enforced": contract_enforced, "alias_types": True},
            "event_time": None,
            "concurrent_batches": None,
            "access": "protected",
            "freshness": None,
        },
        "tags": [],
        "description": entry.get("description", ""),
        "columns": columns,
        "meta": meta,
        "group": None,
        "docs": {"show": True, "node_color": None},
        "patch_path": f"{project.name}://models/{directory}/schema.yml",
        "build_path": f"{TARGET_PATH}/run/{project.name}/{original_file_path}",
        "unrendered_config": unrendered,
        "created_at": created_at,
        "relation_name": project.relation(name),
        "raw_code": raw_code,
        "doc_blocks": [],
        "language": "sql",
        "refs": [{"name": ref_name, "package": None, "version": None} for ref_name in refs],
        "sources": [],
        "metrics": [],
        "functions": [],
        "depends_on": {"macros": [], "nodes": depends_on},
        "compiled_path": f"{TARGET_PATH}/compiled/{project.name}/{original_file_path}",
        "compiled": True,
        "compiled_code": compiled_code,
        "extra_ctes_injected": True,
        "extra_ctes": [],
        "contract": {
            "enforced": contract_enforced,
            "alias_types": True,
            "checksum": contract_checksum(columns, materialized, model_constraints) if contract_enforced else None,
        },
        "access": "protected",
        "constraints": model_constraints,
        "version": None,
        "latest_version": None,
        "deprecation_date": None,
        "primary_key": primary_key(columns, entry),
        "time_spine": None,
    }


def primary_key(columns, entry):
    for name, column in columns.items():
        if any(c["type"] == "primary_key" for c in column["constraints"]):
            return [name]
    unique = set()
    not_null = []
    for column in entry.get("columns", []):
        for test in test_names(column):
            if test == "unique":
                unique.add(column["name"])
            elif test == "not_null":
                not_null.append(column["name"])
    both = [name for name in not_null if name in unique]
    return both if both else sorted(unique)


def build_seed(project, name, text, created_at):
    column_types = project.seed_configs.get(name, {}).get("+column_types", {})
    original_file_path = f"seeds/{name}.csv"
    return {
        "database": project.database,
        "schema": SCHEMA,
        "name": name,
        "resource_type": "seed",
        "package_name": project.name,
        "path": f"{name}.csv",
        "original_file_path": original_file_path,
        "unique_id": f"seed.{project.name}.{name}",
        "fqn": [project.name, name],
        "alias": name,
        "checksum": {"name": "sha256", "checksum": sha256(text.strip())},
        "config": {
            "enabled": True,
            "alias": None,
            "schema": None,
            "database": None,
            "tags": [],
            "meta": {},
            "group": None,
            "static_analysis": None,
            "materialized": "seed",
            "incremental_strategy": None,
            "batch_size": None,
            "lookback": 1,
            "begin": None,
            "persist_docs": {},
            "post-hook": [],
            "pre-hook": [],
            "quoting": {},
            "column_types": column_types,
            "full_refresh": None,
            "unique_key": None,
            "on_schema_change": "ignore",
            "on_configuration_change": "apply",
            "grants": {},
            "packages": [],
            "docs": {"show": True, "node_color": None},
            "contract": {"enforced": False, "alias_types": True},
            "event_time": None,
            "concurrent_batches": None,
            "delimiter": ",",
            "quote_columns": None,
        },
        "tags": [],
        "description": "",
        "columns": {},
        "meta": {},
        "group": None,
        "docs": {"show": True, "node_color": None},
        "patch_path": None,
        "build_path": f"{TARGET_PATH}/run/{project.name}/{original_file_path}",
        "unrendered_config": {"column_types": column_types} if column_types else {},
        "created_at": created_at,
        "relation_name": project.relation(name),
        "raw_code": "",
        "doc_blocks": [],
        "root_path": ".",
        "depends_on": {"macros": []},
    }


def hashable(data):
    if type(data) is dict:
        return {key: hashable(data[key]) for key in sorted(data)}
    if type(data) is list:
        return [hashable(value) for value in data]
    return str(data)


def test_sql(test, column, relation):
    if test == "unique":
        return (
            "\n    \n    \n\nselect\n    " + column + " as unique_field,\n    count(*) as n_records\n\nfrom "
            + relation + "\nwhere " + column + " is not null\ngroup by " + column + "\nhaving count(*) > 1\n\n\n"
        )
    if test == "not_null":
        return "\n    \n    \n\n\n\nselect " + column + "\nfrom " + relation + "\nwhere " + column + " is null\n\n\n"
    raise SystemExit(f"generic test '{test}' is not one this generator can compile (unique, not_null)")


def build_test(project, directory, model, column, test, created_at):
    name = f"{test}_{model}_{column}"
    metadata = {
        "name": test,
        "kwargs": {"column_name": column, "model": "{{ get_where_subquery(ref('" + model + "')) }}"},
        "namespace": None,
    }
    suffix = hashlib.md5((name + repr(hashable(metadata))).encode("utf-8")).hexdigest()[-10:]
    yml_path = f"models/{directory}/schema.yml"
    model_id = f"model.{project.name}.{model}"
    return {
        "database": project.database,
        "schema": TEST_SCHEMA,
        "name": name,
        "resource_type": "test",
        "package_name": project.name,
        "path": f"{name}.sql",
        "original_file_path": yml_path,
        "unique_id": f"test.{project.name}.{name}.{suffix}",
        "fqn": [project.name, directory, name],
        "alias": name,
        "checksum": {"name": "none", "checksum": ""},
        "config": {
            "enabled": True,
            "alias": None,
            "schema": "dbt_test__audit",
            "database": None,
            "tags": [],
            "meta": {},
            "group": None,
            "static_analysis": None,
            "materialized": "test",
            "severity": "ERROR",
            "store_failures": None,
            "store_failures_as": None,
            "where": None,
            "limit": None,
            "fail_calc": "count(*)",
            "warn_if": "!= 0",
            "error_if": "!= 0",
        },
        "tags": [],
        "description": "",
        "columns": {},
        "meta": {},
        "group": None,
        "docs": {"show": True, "node_color": None},
        "patch_path": None,
        "build_path": f"{TARGET_PATH}/run/{project.name}/{yml_path}/{name}.sql",
        "unrendered_config": {},
        "created_at": created_at,
        "relation_name": None,
        "raw_code": "{{ test_" + test + "(**_dbt_generic_test_kwargs) }}",
        "doc_blocks": [],
        "language": "sql",
        "refs": [{"name": model, "package": None, "version": None}],
        "sources": [],
        "metrics": [],
        "functions": [],
        "depends_on": {"macros": [f"macro.dbt.test_{test}", "macro.dbt.get_where_subquery"], "nodes": [model_id]},
        "compiled_path": f"{TARGET_PATH}/compiled/{project.name}/{yml_path}/{name}.sql",
        "compiled": True,
        "compiled_code": test_sql(test, column, project.relation(model)),
        "extra_ctes_injected": True,
        "extra_ctes": [],
        "contract": {"enforced": False, "alias_types": True, "checksum": None},
        "column_name": column,
        "file_key_name": f"models.{model}",
        "attached_node": model_id,
        "test_metadata": metadata,
    }


def carried_macros(project, parse_start):
    """dbt's and dbt-duckdb's macros; created_at moved into this invocation's parse when taken from elsewhere."""
    macros = {k: v for k, v in project.carried["macros"].items() if v["package_name"] in ("dbt", "dbt_duckdb")}
    if project.carried["metadata"]["project_name"] == project.name:
        return macros
    shift = epoch(parse_start) - min(m["created_at"] for m in macros.values())
    shifted = {}
    for key, macro in macros.items():
        copy = dict(macro)
        copy["created_at"] = macro["created_at"] + shift
        shifted[key] = copy
    return shifted


def edges(nodes):
    parents = {uid: sorted(node["depends_on"].get("nodes", [])) for uid, node in nodes.items()}
    children = {uid: [] for uid in nodes}
    for uid, node in nodes.items():
        for parent in node["depends_on"].get("nodes", []):
            children[parent].append(uid)
    return parents, {uid: sorted(kids) for uid, kids in children.items()}


def build_order(nodes):
    """dbt build with one thread: by graph depth (tests count as a step), ties by unique_id."""
    depth = {}

    def depth_of(uid):
        if uid not in depth:
            parents = nodes[uid]["depends_on"].get("nodes", [])
            depth[uid] = 0 if not parents else 1 + max(depth_of(parent) for parent in parents)
            if nodes[uid]["resource_type"] == "model":
                tests_of_parents = [
                    t for t, n in nodes.items()
                    if n["resource_type"] == "test" and n["attached_node"] in parents
                ]
                if tests_of_parents:
                    depth[uid] = max(depth[uid], 1 + max(depth_of(t) for t in tests_of_parents))
        return depth[uid]

    return sorted(nodes, key=lambda uid: (depth_of(uid), uid))


def seed_row_count(project, name):
    text = read_text(os.path.join(project.root, "seeds", f"{name}.csv"))
    return sum(1 for _ in csv.reader(io.StringIO(text))) - 1


def run_result(project, node, clock):
    compile_start = clock.tick(1850)
    compile_end = clock.tick(2400 if node["resource_type"] != "seed" else 1200)
    execute_start = clock.tick(900)
    work = {"seed": 38000, "model": 61000, "test": 17000}[node["resource_type"]]
    execute_end = clock.tick(work + (len(node["unique_id"]) * 911) % 9000)
    execution_time = (execute_end - compile_start).total_seconds() + 0.0023
    clock.tick(2300)
    timing = [
        {"name": "compile", "started_at": iso_z(compile_start), "completed_at": iso_z(compile_end)},
        {"name": "execute", "started_at": iso_z(execute_start), "completed_at": iso_z(execute_end)},
    ]
    kind = node["resource_type"]
    if kind == "seed":
        rows = seed_row_count(project, node["name"])
        status, message = "success", f"INSERT {rows}"
        response = {"_message": message, "code": "INSERT", "rows_affected": rows}
        failures, compiled, compiled_code, relation_name = None, None, None, None
    elif kind == "model":
        status, message, response, failures = "success", "OK", {"_message": "OK"}, None
        compiled, compiled_code, relation_name = True, node["compiled_code"], node["relation_name"]
    else:
        status, message, response, failures = "pass", None, {"_message": "OK"}, 0
        compiled, compiled_code, relation_name = True, node["compiled_code"], None
    return {
        "status": status,
        "timing": timing,
        "thread_id": THREAD,
        "execution_time": execution_time,
        "adapter_response": response,
        "message": message,
        "failures": failures,
        "unique_id": node["unique_id"],
        "compiled": compiled,
        "compiled_code": compiled_code,
        "relation_name": relation_name,
        "batch_results": None,
    }


def build_args():
    return {
        "defer": False,
        "static_parser": True,
        "project_dir": ".",
        "printer_width": 80,
        "sqlparse": {"MAX_GROUPING_DEPTH": None, "MAX_GROUPING_TOKENS": None},
        "state_modified_compare_more_unrendered_values": False,
        "which": "build",
        "log_file_max_bytes": 10485760,
        "write_json": True,
        "require_batched_execution_for_custom_microbatch_strategy": False,
        "partial_parse": True,
        "log_format_file": "debug",
        "invocation_command": "dbt build --project-dir . --profiles-dir .",
        "indirect_selection": "eager",
        "require_nested_cumulative_type_params": False,
        "warn_error_options": {"error": [], "warn": [], "silence": []},
        "require_yaml_configuration_for_mf_time_spines": False,
        "skip_nodes_if_on_run_start_fails": False,
        "use_colors": True,
        "profiles_dir": ".",
        "log_format": "default",
        "upload_to_artifacts_ingest_api": False,
        "exclude": [],
        "require_ref_searches_node_package_before_root": False,
        "require_resource_names_without_spaces": True,
        "require_all_warnings_handled_by_warn_error": False,
        "require_explicit_package_overrides_for_builtin_materializations": True,
        "send_anonymous_usage_stats": True,
        "use_fast_test_edges": False,
        "print": True,
        "require_generic_test_arguments_property": True,
        "strict_mode": False,
        "use_colors_file": True,
        "select": [],
        "favor_state": False,
        "partial_parse_file_diff": True,
        "populate_cache": True,
        "log_level": "info",
        "log_level_file": "debug",
        "introspect": True,
        "cache_selected_only": False,
        "state_modified_compare_vars": False,
        "source_freshness_run_project_hooks": True,
        "log_path": "logs",
        "quiet": False,
        "validate_macro_args": False,
        "vars": {},
        "show_resource_report": False,
        "macro_debugging": False,
        "show_all_deprecations": False,
        "require_unique_project_resource_names": False,
        "empty": False,
        "resource_types": [],
        "exclude_resource_types": [],
        "version_check": True,
    }


def write_json(path, document):
    # dbt writes compact, ASCII-escaped JSON without a trailing newline.
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(json.dumps(document))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project-dir", default=project_dir())
    parser.add_argument("--macros-from", help="manifest whose dbt and dbt_duckdb macros and docs to carry over")
    options = parser.parse_args()
    root = os.path.abspath(options.project_dir)
    macros_from = options.macros_from or os.path.join(root, TARGET_PATH, "manifest.json")
    project = Project(root, macros_from)

    clock = Clock(STARTED_AT)
    run_started_at = clock.tick(174)
    macros = carried_macros(project, clock.tick(317000))
    clock.tick(900000)

    seeds = list(seed_files(project))
    models = list(model_files(project))
    seed_names = {name for name, _ in seeds}
    model_names = {name for _, name, _ in models}
    nodes = {}
    entries = {}
    for directory, name, text in models:
        entries.setdefault(directory, schema_entries(project, directory))
        entry = entries[directory].get(name, {})
        node = build_model(project, directory, name, text, entry, seed_names, model_names, epoch(clock.tick(12345)))
        nodes[node["unique_id"]] = node
    for name, text in seeds:
        node = build_seed(project, name, text, epoch(clock.tick(8765)))
        nodes[node["unique_id"]] = node
    for directory in sorted(entries):
        for model, entry in entries[directory].items():
            if model not in model_names:
                raise SystemExit(f"models/{directory}/schema.yml describes '{model}', which has no .sql file")
            for column in entry.get("columns", []):
                for test in test_names(column):
                    node = build_test(project, directory, model, column["name"], test, epoch(clock.tick(1432)))
                    nodes[node["unique_id"]] = node

    clock.tick(450000)
    results = [run_result(project, nodes[uid], clock) for uid in build_order(nodes)]
    manifest_written = clock.tick(41000)
    results_written = clock.tick(6200)
    parents, children = edges(nodes)

    manifest = {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
            "dbt_version": DBT_VERSION,
            "generated_at": iso_z(manifest_written),
            "invocation_id": INVOCATION_ID,
            "invocation_started_at": iso_offset(STARTED_AT),
            "env": {},
            "project_name": project.name,
            "project_id": hashlib.md5(project.name.encode("utf-8")).hexdigest(),
            "user_id": USER_ID,
            "send_anonymous_usage_stats": True,
            "adapter_type": "duckdb",
            "quoting": {"database": True, "schema": True, "identifier": True, "column": None},
            "run_started_at": iso_offset(run_started_at),
        },
        "nodes": nodes,
        "sources": {},
        "macros": macros,
        "docs": {"doc.dbt.__overview__": project.carried["docs"]["doc.dbt.__overview__"]},
        "exposures": {},
        "metrics": {},
        "groups": {},
        "selectors": {},
        "disabled": {},
        "parent_map": parents,
        "child_map": children,
        "group_map": {},
        "saved_queries": {},
        "semantic_models": {},
        "unit_tests": {},
        "functions": {},
    }
    run_results = {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
            "dbt_version": DBT_VERSION,
            "generated_at": iso_z(results_written),
            "invocation_id": INVOCATION_ID,
            "invocation_started_at": iso_z(STARTED_AT),
            "env": {},
        },
        "results": results,
        "elapsed_time": (manifest_written - STARTED_AT).total_seconds() - 0.0311,
        "args": build_args(),
    }
    os.makedirs(os.path.join(root, TARGET_PATH), exist_ok=True)
    write_json(os.path.join(root, TARGET_PATH, "manifest.json"), manifest)
    write_json(os.path.join(root, TARGET_PATH, "run_results.json"), run_results)
    print(f"wrote {len(nodes)} nodes and {len(macros)} macros to {TARGET_PATH}/manifest.json, "
          f"{len(results)} results to {TARGET_PATH}/run_results.json")


if __name__ == "__main__":
    main()
