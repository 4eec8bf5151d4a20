import { copyReference, formatImage, pulledReference, type ImageEntry, type Inventory } from './inventory.js';

const YAML_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/** A YAML scalar: plain when YAML 1.1 and 1.2 both read it as that string, else double-quoted. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z_][\w./-]*$/.test(value) && !YAML_SPECIAL.test(value) ? value : JSON.stringify(value);
}

const lastComponent = (repository: string): string => repository.slice(repository.lastIndexOf('/') + 1);
const dirOf = (registry: string, repository: string): string => {
  const slash = repository.lastIndexOf('/');
  return slash === -1 ? registry : `${registry}/${repository.slice(0, slash)}`;
};

/**
 * The inventory as the YAML `skopeo sync --src yaml` reads: source registry → `images:` →
 * repository → the tags or digests to copy (never an empty list, which skopeo reads as "every
 * tag": an untagged image is `latest`; a `tag@digest` reference copies its digest, which is
 * what a pull fetches). Every image is listed, with its destination as a comment. skopeo sync
 * names each copy `DESTINATION/<last path component>`, so the header gives one command per
 * destination directory; a rename it cannot do is pointed at `--format crane`.
 */
export function formatSkopeoSync(inventory: Inventory): string {
  const registries = new Map<string, Map<string, { refs: Set<string>; notes: Set<string> }>>();
  const commands = new Map<string, Set<string>>();
  const renames: string[] = [];
  for (const image of inventory.images) {
    const { source, destination } = image;
    const repos = registries.get(source.registry) ?? new Map<string, { refs: Set<string>; notes: Set<string> }>();
    registries.set(source.registry, repos);
    const repo = repos.get(source.repository) ?? { refs: new Set<string>(), notes: new Set<string>() };
    repos.set(source.repository, repo);
    repo.refs.add(pulledReference(source));
    if (!image.moved) {
      repo.notes.add(`not rewritten: pods pull it from ${source.registry}`);
      continue;
    }
    repo.notes.add(`-> ${destination.registry}/${destination.repository}`);
    if (lastComponent(destination.repository) !== lastComponent(source.repository)) {
      renames.push(`${source.registry}/${source.repository} -> ${destination.registry}/${destination.repository}`);
      continue;
    }
    const dir = dirOf(destination.registry, destination.repository);
    const set = commands.get(dir) ?? new Set<string>();
    commands.set(dir, set.add(`${source.registry}/${source.repository}`));
  }
  const lines = [
    `# Images of ${inventory.files} manifest file(s), for skopeo sync --src yaml (privreg-fix images --format skopeo-sync).`,
  ];
  if (commands.size > 0) {
    lines.push('# skopeo sync puts each copy at DESTINATION/<last path component of the repository>:');
    if (commands.size > 1) {
      lines.push(`# these images go to ${commands.size} destination directories and one run serves one: split the plan`);
      lines.push('# by directory, or use --format crane for exact copies.');
    }
    for (const [dir, repos] of [...commands].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`#   skopeo sync --all --src yaml --dest docker PLAN.yaml ${dir}   # ${[...repos].sort().join(', ')}`);
    }
  }
  for (const rename of renames) lines.push(`# skopeo sync cannot rename ${rename}: copy it with --format crane`);
  if (registries.size === 0) return `${lines.join('\n')}\n{}\n`;
  for (const [registry, repos] of [...registries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${yamlScalar(registry)}:`, '  images:');
    for (const [repository, { refs, notes }] of [...repos].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const list = [...refs].sort().map(yamlScalar).join(', ');
      lines.push(`    ${yamlScalar(repository)}: [${list}]  # ${[...notes].join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The inventory as `crane copy SRC DST` lines, one per image that moves (crane copies a
 * multi-platform index whole and keeps digests). Images that stay are listed as comments.
 */
export function formatCrane(inventory: Inventory): string {
  const moved = inventory.images.filter((i) => i.moved);
  const lines = [`# ${moved.length} image(s) to copy, from privreg-fix images --format crane.`];
  const seen = new Set<string>();
  for (const image of moved) {
    const line = `crane copy ${copyReference(image.source)} ${copyReference(image.destination)}`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  for (const image of inventory.images.filter((i: ImageEntry) => !i.moved)) {
    lines.push(`# not rewritten, nothing to copy: ${formatImage(image.source)}`);
  }
  return `${lines.join('\n')}\n`;
}
