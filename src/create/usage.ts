/** Help for `privreg-fix create`. */
export const CREATE_HELP = `Usage: privreg-fix create KIND ...

Generate the objects a private registry needs, as clean YAML on stdout (or a file).

Kinds:
  namespace NAME                  a Namespace
  secret docker-registry NAME     a kubernetes.io/dockerconfigjson pull Secret

Run "privreg-fix create KIND --help" for the flags of each kind.
`;

/** Help for `privreg-fix create namespace`. */
export const NAMESPACE_HELP = `Usage: privreg-fix create namespace NAME [-o FILE]

Print a Namespace manifest (no creationTimestamp, spec or status noise).

Options:
  -o, --output FILE   write to FILE instead of stdout ("-o yaml" and "-o json" print
                      to stdout in that format, as kubectl does)
      --dry-run[=client]  accepted for kubectl compatibility; nothing touches a cluster
  -h, --help          show this help
`;

/** Help for `privreg-fix create secret`. */
export const SECRET_HELP = `Usage: privreg-fix create secret docker-registry NAME ...

Only the docker-registry secret type is supported.
Run "privreg-fix create secret docker-registry --help" for its flags.
`;

/** Help for `privreg-fix create secret docker-registry`. */
export const DOCKER_REGISTRY_HELP = `Usage: privreg-fix create secret docker-registry NAME
         [--docker-server SERVER] --docker-username USER
         (--password-stdin | --password-env VAR) [--docker-email EMAIL]
         [-n NAMESPACE | --namespaces NS,NS... | --for PATHS [-n NAMESPACE]] [-o FILE [--force]]
       privreg-fix create secret docker-registry NAME
         --from-docker-config[=FILE] [--docker-server SERVER] [-n NAMESPACE] [-o FILE]

Print a Secret of type kubernetes.io/dockerconfigjson holding a registry login. Its
.dockerconfigjson is the same as kubectl create secret docker-registry produces.
Pods pull with it through imagePullSecrets; the image reference still has to name
the registry (see --registry on the fix command).

Options:
      --docker-server SERVER     registry host[:port] (default https://index.docker.io/v1/,
                                 Docker Hub, as in kubectl)
      --docker-username USER     registry user
      --password-stdin           read the password from stdin (one trailing newline is
                                 stripped, as docker login does)
      --password-env VAR         read the password from environment variable VAR
      --docker-password PASS     accepted for kubectl compatibility, but the password then
                                 shows in shell history and process lists: avoid it
      --docker-email EMAIL       optional email stored with the login
      --from-docker-config[=FILE]  reuse a docker login: take user and password for
                                 --docker-server from FILE (default $DOCKER_CONFIG/config.json
                                 or ~/.docker/config.json); give FILE with "="
  -n, --namespace NAMESPACE      set metadata.namespace (pull secrets must live in the
                                 namespace of the pods that use them)
      --namespaces NS,NS...      print one Secret per namespace, as YAML documents separated
                                 by "---" (-o json: a List); repeatable
      --for PATHS                one Secret per namespace whose pods use NAME in a run of
                                 privreg-fix over PATHS (files, directories, globs; repeatable;
                                 the config file is found as for the main command, and -n is
                                 the namespace of objects that have none)
  -o, --output FILE              write to FILE with mode 0600 instead of stdout; refused
                                 inside a git work tree ("-o yaml"/"-o json" print to stdout)
      --force                    write FILE even inside a git work tree
      --dry-run[=client]         accepted for kubectl compatibility; nothing touches a cluster
  -h, --help                     show this help

The password never appears in output other than the Secret itself, nor in errors.
A Secret file holds the password in base64, which is not encryption: do not commit it.
`;
