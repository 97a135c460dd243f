import * as THREE from 'three';

/**
 * A lit material for instanced kit shapes (machine-shapes.ts): each vertex says whether it takes the
 * instance's state colour (`tint` = 1: the body) or keeps its own vertex colour (`tint` = 0: base,
 * columns, glass, panels), and each instance can carry a surface pattern (palette.ts PATTERN: diagonal
 * stripes for a failure, cross-hatch for an unknown state) on its tinted parts. One draw call per kind.
 */
export function stateMaterial(params: THREE.MeshStandardMaterialParameters = {}): THREE.MeshStandardMaterial {
  const m = new THREE.MeshStandardMaterial({
    roughness: 0.55,
    metalness: 0.15,
    ...params,
    vertexColors: true,
  });
  m.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        `#include <common>
attribute float tint;
attribute float instancePattern;
varying float vPattern;
varying vec3 vPatternPos;`,
      )
      .replace(
        '#include <color_vertex>',
        `vColor = vec4( 1.0 );
#ifdef USE_INSTANCING_COLOR
  vColor.rgb = mix( color, instanceColor.rgb, tint );
#else
  vColor.rgb = color;
#endif
vPattern = instancePattern * tint;
#ifdef USE_INSTANCING
  vPatternPos = ( modelMatrix * instanceMatrix * vec4( position, 1.0 ) ).xyz;
#else
  vPatternPos = ( modelMatrix * vec4( position, 1.0 ) ).xyz;
#endif`,
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>
varying float vPattern;
varying vec3 vPatternPos;`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
if ( vPattern > 0.5 ) {
  // Bands 0.25 m wide across the world diagonal; the hatch adds the other diagonal.
  float a = step( 0.5, fract( ( vPatternPos.x + vPatternPos.y + vPatternPos.z ) * 2.0 ) );
  float b = vPattern > 1.5 ? step( 0.5, fract( ( vPatternPos.x - vPatternPos.y - vPatternPos.z ) * 2.0 ) ) : 0.0;
  diffuseColor.rgb *= mix( 1.0, 0.22, max( a, b ) );
}`,
      );
  };
  m.customProgramCacheKey = () => 'state-material-v1';
  return m;
}

/** Gives an InstancedMesh its per-instance colour and pattern buffers before its first render. */
export function prepareStateInstances(mesh: THREE.InstancedMesh, count: number): Float32Array {
  if (!mesh.instanceColor) {
    mesh.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(count * 3).fill(1), 3);
  }
  mesh.instanceColor.setUsage(THREE.DynamicDrawUsage);
  let pattern = mesh.geometry.getAttribute('instancePattern') as THREE.InstancedBufferAttribute | undefined;
  if (!pattern || pattern.count !== count) {
    pattern = new THREE.InstancedBufferAttribute(new Float32Array(count), 1);
    pattern.setUsage(THREE.DynamicDrawUsage);
    mesh.geometry.setAttribute('instancePattern', pattern);
  }
  return pattern.array as Float32Array;
}
