import { describe, expect, it } from 'vitest';
import { customKindsOf, filesToRerun, pickAffinity, usedKinds } from '../../src/engine/crd-usage.js';
import { parseManifest } from '../../src/manifest/parse.js';

describe('filesToRerun', () => {
  it('re-runs only CRD files using kinds another CRD file defines, or defining a kind an earlier one defines', () => {
    const usages = [
      { defines: ['example.com/widget'], uses: ['apiextensions.k8s.io/customresourcedefinition', 'example.com/widget'] },
      { defines: ['example.com/gadget'], uses: ['example.com/sprocket'] },
      { defines: ['example.com/sprocket'], uses: ['apps/deployment', 'other.io/thing'] },
      { defines: ['example.com/widget'], uses: [] },
    ];
    // 0 uses Widget, also defined by 3; 1 uses Sprocket, defined by 2 (a later file); 3 defines
    // Widget again (its CRD is not the one used, which it reports once all CRDs are known).
    expect(filesToRerun(usages)).toEqual([0, 1, 3]);
  });
});

describe('usedKinds', () => {
  it('lists the group/kind of every object, List items included', () => {
    const file = parseManifest('x.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: example.com/v1\n    kind: Widget\n---\napiVersion: apps/v1\nkind: Deployment\n');
    expect(usedKinds(file).sort()).toEqual(['apps/deployment', 'example.com/widget', 'list']);
  });
});

describe('affinity hints', () => {
  it('finds custom kinds per document and picks the most used one', () => {
    const text = 'apiVersion: v1\nkind: Service\n---\nkind: Rollout\napiVersion: argoproj.io/v1alpha1\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\n---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\n';
    const kinds = customKindsOf(text);
    expect(kinds).toEqual(['argoproj.io/rollout', 'argoproj.io/analysistemplate']);
    expect(pickAffinity(kinds, new Map([['argoproj.io/rollout', 2], ['argoproj.io/analysistemplate', 5]]))).toBe('argoproj.io/analysistemplate');
    expect(pickAffinity([], new Map())).toBeUndefined();
  });
});
