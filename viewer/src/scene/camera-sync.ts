import * as THREE from 'three';

/**
 * The last camera pose a user gave either view, so that in compare mode both views look at the plant
 * from the same place. Written by the view being dragged, read by the other in its frame loop.
 */
export const cameraSync = {
  position: new THREE.Vector3(),
  target: new THREE.Vector3(),
  seq: 0,
  source: -1,
  publish(slot: number, position: THREE.Vector3, target: THREE.Vector3) {
    this.position.copy(position);
    this.target.copy(target);
    this.source = slot;
    this.seq++;
  },
};
