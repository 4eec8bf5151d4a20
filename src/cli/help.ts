/** The main command's --help text. */
export const HELP = `Usage: privreg-fix [options] [paths...]
       privreg-fix create namespace NAME
       privreg-fix create secret docker-registry NAME --docker-server S --docker-username U --password-stdin

Make Kubernetes manifests ready for a private registry: add a namespace to namespaced objects and
imagePullSecrets to every pod template, in place, keeping comments and layout.

Paths are files, directories (searched for *.yaml/*.yml, honouring .gitignore) or globs;
'-' reads stdin and writes the fixed manifest to stdout. Default: the current directory.

Options:
  -n, --namespace <name>     put this namespace on namespaced objects that have none
  -s, --pull-secret <name>   ensure this imagePullSecret in every pod spec (repeatable)
  -w, --write                write the changes back
      --check                change nothing; exit 1 if any file needs a change or has an error
      --no-validate          skip schema validation
  -h, --help                 show this help
      --version              show the version

Without --write or --check, nothing is changed: a unified diff of what --write would do is printed.

Exit codes: 0 ok / nothing to do, 1 check failed or a file could not be processed, 2 usage error.
`;
