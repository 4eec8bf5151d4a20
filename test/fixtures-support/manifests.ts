/** Small manifests shared by tests. */

/** A Deployment with no namespace and no pull secret, named `web`, of one nginx container. */
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** A ClusterRole (cluster-scoped: a namespace fix leaves it as it is) of no rules. */
export const clusterRole = (name: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${name}
rules: []
`;

/** A ConfigMap `settings` with no namespace, and `data` lines when given. */
export const settingsConfigMap = (data = ''): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
${data}`;
