"""The package's layout keeps one room per capability: few modules at the top, no import cycles,
and views that nothing but ZCML and tests depends on. No site needed."""

from pathlib import Path
import ast
import clusterpolisee


PACKAGE = Path(clusterpolisee.__file__).parent
ROOMS = (
    "core",
    "repository",
    "members",
    "workspaces",
    "messaging",
    "public",
    "indicators",
    "languages",
    "consultations",
    "operations",
    "publishing",
)


def module_name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules():
    return {
        module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "locales" not in path.parts and "__pycache__" not in path.parts
    }


def imports_at_load(path, name, known):
    """The package's modules that ``path`` imports when it is loaded (not inside functions)."""
    tree = ast.parse(path.read_text())
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                base = ".".join([*name.split(".")[: -node.level], node.module])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def test_at_most_ten_modules_at_the_top():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top


def test_each_capability_has_its_room_and_registrations():
    for room in ROOMS:
        assert (PACKAGE / room / "__init__.py").exists(), room
        assert (PACKAGE / room / "configure.zcml").exists(), room


def test_no_import_cycles():
    known = modules()
    graph = {name: imports_at_load(path, name, known) for name, path in known.items()}
    # A package imports its own modules' parents implicitly: leave that edge out.
    cycles = []

    def visit(name, trail):
        if name in trail:
            cycle = [*trail[trail.index(name) :], name]
            if not all(step.startswith(cycle[0]) for step in cycle):
                cycles.append(" -> ".join(cycle))
            return
        if name in done:
            return
        for target in graph.get(name, ()):
            visit(target, [*trail, name])
        done.add(name)

    done = set()
    for name in sorted(graph):
        visit(name, [])
    assert cycles == []


def test_services_and_logic_never_import_views():
    known = modules()
    for name, path in known.items():
        if ".views" in name or name.startswith("clusterpolisee.upgrades"):
            continue
        borrowed = {
            module
            for module in imports_at_load(path, name, known)
            if ".views" in module and module.split(".")[1] != "core"
        }
        assert borrowed == set(), name


def test_an_old_module_name_is_the_module_at_its_new_home():
    import clusterpolisee.content.best_practice as old_content
    import clusterpolisee.repository.content.best_practice as new_content
    import clusterpolisee.repository.transforms.pdf_to_text as new_transform
    import clusterpolisee.transforms.pdf_to_text as old_transform

    assert old_content is new_content
    assert old_transform is new_transform
    assert new_content.__spec__.name == "clusterpolisee.repository.content.best_practice"
