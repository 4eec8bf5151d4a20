/** The main command's --help text. */
export const HELP = `Usage: privreg-fix [options] [paths...]
       privreg-fix create namespace NAME
       privreg-fix create secret docker-registry NAME --docker-server S --docker-username U --password-stdin
       privreg-fix images [--verify] [options] [paths...]   image plan; check the registry has them
       privreg-fix post-render [options]   Helm post-renderer: manifests on stdin, fixed on stdout
       privreg-fix chart DIR [options]     fix a Helm chart's values (see privreg-fix chart --help)
       privreg-fix fn [CONFIG_FILE]        kustomize/kpt KRM function (ResourceList on stdin)

Make Kubernetes manifests ready for a private registry: add a namespace to namespaced objects and
imagePullSecrets to every pod template, in place, keeping comments and layout.

Paths are files, directories (searched for *.yaml/*.yml, honouring .gitignore) or globs;
'-' reads stdin and writes the fixed manifest to stdout. Default: the current directory (stdin
is then never read: a warning says so when something is piped in).

Options:
  -n, --namespace <name>        put this namespace on namespaced objects that have none
  -s, --pull-secret <name>      ensure this imagePullSecret in every pod spec (repeatable)
  -w, --write                   write the changes back
      --check                   change nothing; exit 1 if any file needs a change or has an error
      --registry <host[:port][/prefix]>
                                point Docker Hub images (and --registry-map sources) at this registry
      --registry-map <src=dst>  move images of another registry, e.g. quay.io=reg.example.com/quay
                                (repeatable)
      --rewrite-arg-images      also rewrite images that containers pass in args, command and env
      --pull-secrets-on <pod|serviceaccount>
                                where pull secrets go (default: pod)
      --no-validate             skip schema validation
      --validate                validate only: needed when neither --namespace, --pull-secret,
                                --registry nor a config file asks for anything (else exit 2)
      --kubernetes-version <v>  Kubernetes schemas to validate against (default: 1.35)
      --schema-dir <path>       more schemas: a directory or file of CRD manifests or JSON Schema
                                files (repeatable); CRDs count like those of the input
      --strict-kinds            a kind without a schema is an error, not a note
  -f, --format <fmt>            report format: text (default), json, sarif, github
  -o, --output <file>           write the report to a file (the summary still goes to the terminal)
      --max-warnings <n>        in --check, fail when there are more than n warnings
  -c, --config <file>           use this config file instead of looking for .privreg-fix.yaml
      --no-config               do not look for a config file
      --cache                   reuse the results of files unchanged since the last cached run
      --cache-location <path>   cache file or directory (default: node_modules/.cache/privreg-fix/
                                of the project, found by package.json, else of the directory)
      --cache-strategy <s>      how a file is told unchanged: metadata (default; its stat, then
                                its content when the stat changed) or content (always read)
  -h, --help                    show this help
      --version                 show the version

Without --write or --check, nothing is changed: a unified diff of what --write would do is printed.

Exit codes: 0 ok / nothing to do, 1 check failed or a file could not be processed, 2 usage error
(a run asked nothing at all is one).
`;
