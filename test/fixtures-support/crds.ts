/** Custom resource definitions and objects shared by tests. */

/** A CRD for example.com/Widget with a pod template at spec.template.spec and one typed field. */
export function widgetCrd(opts: { plural?: string; scope?: string; field?: string; type?: string } = {}): string {
  const { plural = 'widgets', scope = 'Namespaced', field = 'size', type = 'integer' } = opts;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.example.com
spec:
  group: example.com
  scope: ${scope}
  names: {kind: Widget, plural: ${plural}}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                ${field}: {type: ${type}}
                template:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        containers: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                        imagePullSecrets: {type: array, items: {type: object, properties: {name: {type: string}}}}
`;
}

export const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: 3
  template:
    spec:
      containers:
        - name: app
          image: nginx
`;
