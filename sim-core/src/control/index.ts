export {
  type ControlNetwork,
  type EndpointId,
  IdealNetwork,
  type Message,
  type StreamHandle,
  type StreamListener,
  type StreamSpec,
  type TrafficClass,
} from './seam';
