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
